import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { assignArm } from '../../core/decide/index.js';
import { adminCall, type JsonBody } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { SHOP_A, type TestApp } from '../helpers/test-app.js';

/**
 * Builds report data through the real paths: an offer from the admin API, exposures and events
 * through the checkout events endpoint (the server re-derives each unit's arm, so units are picked
 * by their real assignment), orders through the signed orders/create webhook.
 */
export interface ReportOffer {
  id: string;
  experiment: { key: string; seed: string; coverage: number; arms: JsonBody[] };
}

export async function createReportOffer(t: TestApp, input: Record<string, unknown>) {
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', input);
  expect(created.status).toBe(201);
  return created.body.offer as ReportOffer;
}

/** `count` fresh unit ids that the experiment assigns to `arm`. */
export function unitsIn(offer: ReportOffer, arm: string, count: number, prefix = 'u'): string[] {
  const units: string[] = [];
  for (let i = 0; units.length < count; i += 1) {
    const unit = `${prefix}-${offer.experiment.key}-${i}`;
    if (assignArm(offer.experiment as never, unit)?.key === arm) units.push(unit);
    if (i > count * 200) throw new Error(`no units land in ${arm}`);
  }
  return units;
}

export async function sendEvents(
  t: TestApp,
  offer: ReportOffer,
  type: 'exposure' | 'add',
  units: readonly { unit: string; arm: string }[],
) {
  for (let i = 0; i < units.length; i += 50) {
    const events = units.slice(i, i + 50).map(({ unit, arm }) => ({
      id: randomUUID(),
      type,
      offerId: offer.id,
      experimentKey: offer.experiment.key,
      arm,
      unit,
      at: Date.now(),
    }));
    const res = await t.app.request('/api/checkout/events', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.checkoutToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ events }),
    });
    expect(res.status).toBe(202);
  }
}

/** Exposes `count` units of each arm; returns them by arm. */
export async function exposeArms(t: TestApp, offer: ReportOffer, counts: Record<string, number>) {
  const byArm: Record<string, string[]> = {};
  const all: { unit: string; arm: string }[] = [];
  for (const [arm, count] of Object.entries(counts)) {
    byArm[arm] = unitsIn(offer, arm, count);
    all.push(...(byArm[arm] ?? []).map((unit) => ({ unit, arm })));
  }
  await sendEvents(t, offer, 'exposure', all);
  return byArm;
}

const usd = (amount: number) => ({
  shop_money: { amount: (amount / 100).toFixed(2), currency_code: 'USD' },
});

/**
 * An order on a checkout, amounts in cents. With `offerLine`, its second line carries the offer's
 * attribute for `arm` (a line the offer added); without, no line is the offer's.
 */
export async function placeOrder(
  t: TestApp,
  unit: string,
  subtotal: number,
  options: { discounts?: number; offerLine?: { offerId: string; arm: string } } = {},
) {
  const base = orderPayload({
    checkout_token: unit,
    subtotal_price_set: usd(subtotal),
    total_discounts_set: usd(options.discounts ?? 0),
    created_at: new Date().toISOString(),
  });
  const [first, second] = base.line_items;
  const lines = options.offerLine
    ? [
        first,
        {
          ...second,
          properties: [
            {
              name: '_closer_offer',
              value: `${options.offerLine.offerId}:${options.offerLine.arm}`,
            },
          ],
        },
      ]
    : [first, { ...second, properties: [] }];
  const payload = { ...base, line_items: lines };
  expect((await t.deliver('orders/create', SHOP_A, payload)).status).toBe(200);
  return payload.id;
}

export async function fetchReport(t: TestApp, offer: ReportOffer, query = '') {
  const res = await adminCall(
    t,
    SHOP_A,
    'GET',
    `/experiments/${offer.experiment.key}/report${query}`,
  );
  expect(res.status).toBe(200);
  return res.body;
}

/** The rollup's sums per arm, read straight from the table, to recompute comparisons. */
export async function armSums(t: TestApp, offer: ReportOffer) {
  const rows = await t.db.all<{
    arm: string;
    units: number;
    orders: number;
    revenue: number;
    squares: number;
  }>(sql`
    select arm, sum(units) as units, sum(orders) as orders, total(revenue) as revenue,
           total(revenue_squares) as squares
    from arm_daily where shop = ${SHOP_A} and experiment_key = ${offer.experiment.key}
    group by arm`);
  return new Map(
    rows.map((r) => [
      r.arm,
      { n: Number(r.units), sum: Number(r.revenue), sumSquares: Number(r.squares) },
    ]),
  );
}
