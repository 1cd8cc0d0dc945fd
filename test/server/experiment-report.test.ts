import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decideOffers, type PublishedConfig } from '../../core/decide/index.js';
import { armDaily, orders } from '../../drizzle/schema.js';
import { describeVerdict } from '../../server/domain/report-verdict.js';
import { adminCall, crossSellInput } from '../helpers/offers.js';
import { orderPayload, refundPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let offerId: string;
let experimentKey: string;
let config: PublishedConfig;
const orderIds: number[] = [];

function armFor(unit: string) {
  const [d] = decideOffers(
    config,
    {
      cartLines: [],
      subtotal: 0,
      currency: 'USD',
      loggedIn: false,
      customerTags: [],
      now: Date.now(),
    },
    unit,
  );
  return d?.arm ?? null;
}

async function expose(units: string[]) {
  for (let i = 0; i < units.length; i += 50) {
    const batch = units.slice(i, i + 50).map((unit) => ({
      id: randomUUID(),
      type: 'exposure',
      offerId,
      experimentKey,
      arm: armFor(unit),
      unit,
      at: Date.now(),
    }));
    const res = await t.app.request('/api/checkout/events', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.checkoutToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ events: batch }),
    });
    expect(res.status).toBe(202);
  }
}

function money(amount: number) {
  const s = (amount / 100).toFixed(2);
  return { shop_money: { amount: s, currency_code: 'USD' } };
}

async function order(unit: string, subtotal: number) {
  const payload = orderPayload({
    checkout_token: unit,
    subtotal_price_set: money(subtotal),
    total_discounts_set: money(100),
  });
  orderIds.push(payload.id);
  expect((await t.deliver('orders/create', SHOP_A, payload)).status).toBe(200);
  return payload.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput({ holdout: 0.5 }));
  offerId = created.body.offer.id;
  experimentKey = created.body.offer.experiment.key;
  await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/activate`);
  config = JSON.parse(
    t.emulator.state(SHOP_A).metafields.get('$app.closer_config')?.value ?? 'null',
  );

  const units = Array.from({ length: 400 }, (_, i) => `unit-${i}`);
  // Some orders arrive before their exposure events (events are sent in the background).
  for (const unit of units.slice(0, 20)) await order(unit, 5000);
  await expose(units);
  for (const [i, unit] of units.slice(20).entries()) {
    if (i % 4 === 0) await order(unit, armFor(unit) === 'treatment' ? 6000 : 4000);
  }
  await t.deliver('refunds/create', SHOP_A, refundPayload(orderIds[0] as number, '10.00'));
  await t.deliver('refunds/create', SHOP_A, refundPayload(orderIds[25] as number, '5.00'));
});
afterAll(() => t.close());

describe('report rollups', () => {
  test('arm_daily equals the naive join of exposures and orders, net of refunds', async () => {
    const naive = await t.db.all<{
      arm: string;
      units: number;
      orders: number;
      revenue: number;
      squares: number;
      refunded: number;
    }>(sql`
      select e.arm, count(*) as units, count(o.order_id) as orders,
             coalesce(sum(o.subtotal - o.refunded), 0) as revenue,
             coalesce(sum((o.subtotal - o.refunded) * (o.subtotal - o.refunded)), 0) as squares,
             coalesce(sum(o.refunded), 0) as refunded
      from exposures e left join orders o on o.shop = e.shop and o.checkout_token = e.unit
      where e.shop = ${SHOP_A} and e.experiment_key = ${experimentKey} group by e.arm order by e.arm`);
    const rolled = await t.db.all<{
      arm: string;
      units: number;
      orders: number;
      revenue: number;
      squares: number;
      refunded: number;
    }>(sql`
      select arm, sum(units) as units, sum(orders) as orders, sum(revenue) as revenue,
             sum(revenue_squares) as squares, sum(refunded) as refunded
      from arm_daily where shop = ${SHOP_A} and experiment_key = ${experimentKey} group by arm order by arm`);
    expect(rolled).toEqual(naive);
    expect(naive.reduce((s, r) => s + r.refunded, 0)).toBe(1500);
    expect(naive.reduce((s, r) => s + r.units, 0)).toBe(400);
  });

  test('deleting an order (customer redaction) takes it out of the rollup', async () => {
    const before = await t.db
      .select({ orders: sql<number>`sum(${armDaily.orders})` })
      .from(armDaily);
    await t.db.delete(orders).where(eq(orders.orderId, String(orderIds[30])));
    const after = await t.db
      .select({ orders: sql<number>`sum(${armDaily.orders})` })
      .from(armDaily);
    expect(Number(after[0]?.orders)).toBe(Number(before[0]?.orders) - 1);
  });
});

describe('GET /api/admin/experiments/:key/report', () => {
  test('reports per-arm metrics, lift with interval, incremental revenue and a verdict', async () => {
    const { status, body } = await adminCall(
      t,
      SHOP_A,
      'GET',
      `/experiments/${experimentKey}/report`,
    );
    expect(status).toBe(200);
    expect(body.engine).toBe('frequentist');
    expect(body.sequential).toBe(true);
    const treatment = body.arms.find((a: { holdout: boolean }) => !a.holdout);
    const holdout = body.arms.find((a: { holdout: boolean }) => a.holdout);
    expect(treatment.units + holdout.units).toBe(400);
    expect(treatment.revenuePerUnit).toBeCloseTo(treatment.revenue / treatment.units, 8);
    const rpu = body.comparisons.revenuePerUnit;
    expect(rpu.expected).toBeCloseTo(treatment.revenuePerUnit / holdout.revenuePerUnit - 1, 8);
    expect(rpu.ci[0]).toBeLessThan(rpu.expected);
    expect(rpu.ci[1]).toBeGreaterThan(rpu.expected);
    const inc = body.comparisons.incrementalRevenue;
    expect(inc.expected).toBeCloseTo(
      (treatment.revenuePerUnit - holdout.revenuePerUnit) * treatment.units,
      6,
    );
    expect(body.verdict.text).toMatch(/incremental revenue|Not enough data/);
    expect(body.daily.length).toBeGreaterThanOrEqual(1);
    // The split is random per experiment seed; the flag must follow GrowthBook's threshold.
    expect(body.srm.flagged).toBe(body.srm.pValue < 0.001);
  });

  test('the Bayesian engine answers with chance to win', async () => {
    const { body } = await adminCall(
      t,
      SHOP_A,
      'GET',
      `/experiments/${experimentKey}/report?engine=bayesian`,
    );
    expect(body.comparisons.revenuePerUnit.chanceToWin).toBeGreaterThanOrEqual(0);
    expect(body.comparisons.revenuePerUnit.chanceToWin).toBeLessThanOrEqual(1);
    expect(body.sequential).toBe(false);
  });

  test('exports CSV: one table, a row per arm', async () => {
    const res = await t.app.request(`/api/admin/experiments/${experimentKey}/report?format=csv`, {
      headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^arm,label,holdout,weight,units,orders,/);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      'holdout,Holdout,true',
      'treatment,Variant A,false',
    ]);
  });

  test('an unknown experiment is a 404', async () => {
    const { status, body } = await adminCall(t, SHOP_A, 'GET', '/experiments/exp_nothere/report');
    expect(status).toBe(404);
    expect(body.error.code).toBe('experiment_not_found');
  });
});

describe('report verdict wording', () => {
  const comparison = (lo: number, hi: number) => ({
    expected: (lo + hi) / 2,
    ci: [lo, hi] as [number, number],
    stddev: 1,
    warnings: [],
  });
  test('calls a result positive only when the whole interval is above zero', () => {
    expect(
      describeVerdict(
        comparison(31000, 217000),
        comparison(0.1, 0.3),
        { alpha: 0.05, engine: 'frequentist' },
        'USD',
      ),
    ).toEqual({
      kind: 'positive',
      text: '+$1,240 incremental revenue, 95% CI +$310 to +$2,170',
    });
    expect(
      describeVerdict(
        comparison(-1000, 5000),
        comparison(-0.1, 0.3),
        { alpha: 0.05, engine: 'frequentist' },
        'USD',
      ).kind,
    ).toBe('inconclusive');
    expect(
      describeVerdict(
        comparison(-5000, -1000),
        comparison(-0.3, -0.1),
        { alpha: 0.05, engine: 'frequentist' },
        'USD',
      ).kind,
    ).toBe('negative');
    // The incremental interval is above zero but the relative lift's straddles it: not called.
    expect(
      describeVerdict(
        comparison(31000, 217000),
        comparison(-0.04, 0.5),
        { alpha: 0.05, engine: 'frequentist' },
        'USD',
      ).kind,
    ).toBe('inconclusive');
  });

  test('names a Bayesian interval a credible interval', () => {
    expect(
      describeVerdict(
        comparison(31000, 217000),
        comparison(0.1, 0.3),
        { alpha: 0.05, engine: 'bayesian' },
        'USD',
      ).text,
    ).toContain('95% credible interval');
  });
});

describe('PATCH /api/admin/settings', () => {
  test('saves the report defaults the report then uses', async () => {
    const saved = await adminCall(t, SHOP_A, 'PATCH', '/settings', {
      statsEngine: 'bayesian',
      sequential: false,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({
      statsEngine: 'bayesian',
      sequential: false,
      defaultHoldout: 0.1,
    });
    const { body } = await adminCall(t, SHOP_A, 'GET', `/experiments/${experimentKey}/report`);
    expect(body.engine).toBe('bayesian');
    expect(body.verdict.text).toMatch(/credible interval|Not enough data/);
    expect(
      (await adminCall(t, SHOP_A, 'PATCH', '/settings', { statsEngine: 'magic' })).status,
    ).toBe(400);
  });
});

describe('report verdict under a sample ratio mismatch', () => {
  test('is never called positive, and says why', () => {
    const ci = (lo: number, hi: number) => ({
      expected: (lo + hi) / 2,
      ci: [lo, hi] as [number, number],
      stddev: 1,
      warnings: [],
    });
    const verdict = describeVerdict(
      ci(31000, 217000),
      ci(0.1, 0.3),
      { alpha: 0.05, engine: 'frequentist', srmFlagged: true },
      'USD',
    );
    expect(verdict.kind).toBe('inconclusive');
    expect(verdict.text).toMatch(/^Sample ratio mismatch/);
  });
});
