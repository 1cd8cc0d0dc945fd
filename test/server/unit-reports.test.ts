import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { UnitKind } from '../../core/offers/catalog.js';
import { experiments, offers } from '../../drizzle/schema.js';
import { computeArmResults } from '../../server/domain/offer-results.js';
import { compileOffer } from '../../server/domain/publish-config.js';
import { adminCall, crossSellInput } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';
import { createReportOffer } from './report-data.js';

/*
 * The report and the offer results read orders through the order-unit link, for every unit kind:
 * a visitor's or customer's orders count from their first exposure on (a customer's only inside
 * the window), a checkout's whatever their time, and the attach rate counts offer lines on exactly
 * those orders. Orders arrive through the signed orders/create webhook, which writes the link.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 12);

let t: TestApp;
let offerId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  offerId = (await createReportOffer(t, crossSellInput({ name: 'Units' }))).id;
});
afterAll(() => t.close());

async function startExperiment(key: string, unitKind: UnitKind, outcomeWindowMs: number | null) {
  await t.db.insert(experiments).values({
    shop: SHOP_A,
    key,
    offerId,
    seed: key,
    coverage: 1,
    arms: [
      { key: 'holdout', weight: 0.5, holdout: true },
      { key: 'treatment', weight: 0.5, holdout: false },
    ],
    unitKind,
    outcomeWindowMs,
    startedAt: T0,
  });
}

async function expose(experimentKey: string, unit: string, arm: string, at: number) {
  await t.ctx.dbClient.execute({
    sql: `insert into exposures (shop, experiment_key, unit, offer_id, arm, first_exposed_at)
          values (?, ?, ?, ?, ?, ?)`,
    args: [SHOP_A, experimentKey, unit, offerId, arm, at],
  });
}

let nextOrder = 8_100_000;
/** An order of 40.00 + 10.00 (the second line tagged with the offer when `withLine`). */
async function order(
  at: number,
  who: { checkout?: string; visitor?: string; customer?: number },
  withLine: boolean,
) {
  nextOrder += 1;
  const base = orderPayload({
    id: nextOrder,
    checkout_token: who.checkout ?? null,
    customer: who.customer ? { id: who.customer } : null,
    note_attributes: who.visitor ? [{ name: '_closer_vid', value: who.visitor }] : [],
    created_at: new Date(at).toISOString(),
  });
  const [first, second] = base.line_items;
  const tagged = {
    ...second,
    properties: withLine ? [{ name: '_closer_offer', value: `${offerId}:treatment` }] : [],
  };
  const payload = { ...base, line_items: [first, tagged] };
  const res = await t.deliver('orders/create', SHOP_A, payload);
  expect(res.status).toBe(200);
  return payload;
}

async function report(key: string) {
  const res = await adminCall(t, SHOP_A, 'GET', `/experiments/${key}/report`);
  expect(res.status).toBe(200);
  const arms = res.body.arms as {
    arm: string;
    units: number;
    orders: number;
    revenue: number;
    attachedOrders: number;
  }[];
  return new Map(arms.map((a) => [a.arm, a]));
}

async function results(key: string) {
  const row = await t.db.query.offers.findFirst({
    where: and(eq(offers.shop, SHOP_A), eq(offers.id, offerId)),
  });
  if (!row) throw new Error('offer missing');
  const arms = await computeArmResults(t.ctx, { ...row, experimentKey: key }, [
    { key: 'holdout', holdout: true },
    { key: 'treatment', holdout: false },
  ]);
  return new Map(arms.map((a) => [a.arm, a]));
}

describe('reports read the order-unit link', () => {
  test('customer units: orders after the exposure and inside the window, nothing else', async () => {
    await startExperiment('exp_customer', 'customer', 3 * DAY);
    await expose('exp_customer', '4101', 'treatment', T0);
    await expose('exp_customer', '4102', 'holdout', T0);
    // The order that showed the thank-you page comes before the exposure: not an outcome.
    await order(T0 - HOUR, { checkout: 'ct-c-1', customer: 4101 }, true);
    const repeat = await order(T0 + DAY, { checkout: 'ct-c-2', customer: 4101 }, true);
    // Past the 3-day window: not an outcome either.
    await order(T0 + 4 * DAY, { checkout: 'ct-c-3', customer: 4101 }, true);
    await order(T0 + 2 * DAY, { checkout: 'ct-c-4', customer: 4102 }, false);

    const arms = await report('exp_customer');
    const subtotal = Math.round(Number(repeat.subtotal_price_set.shop_money.amount) * 100);
    expect(arms.get('treatment')).toMatchObject({
      units: 1,
      orders: 1,
      attachedOrders: 1,
      revenue: subtotal,
    });
    expect(arms.get('holdout')).toMatchObject({ units: 1, orders: 1, attachedOrders: 0 });
    const plain = await results('exp_customer');
    expect(plain.get('treatment')).toMatchObject({
      units: 1,
      orders: 1,
      revenue: subtotal,
      attributedOrders: 1,
      attributedRevenue: 1000,
    });
    expect(plain.get('holdout')).toMatchObject({ units: 1, orders: 1, attributedOrders: 0 });
  });

  test('visitor units: the visitor’s orders from the exposure on, found by _closer_vid', async () => {
    await startExperiment('exp_visitor', 'visitor', null);
    await expose('exp_visitor', 'visitorAAAA01', 'treatment', T0);
    await order(T0 - DAY, { checkout: 'ct-v-0', visitor: 'visitorAAAA01' }, true);
    await order(T0 + 10 * DAY, { checkout: 'ct-v-1', visitor: 'visitorAAAA01' }, true);
    // Same checkout as nobody's visitor id, and a malformed id: neither reaches the unit.
    await order(T0 + HOUR, { checkout: 'ct-v-2', visitor: 'visitor AAAA01' }, true);
    await order(T0 + HOUR, { checkout: 'visitorAAAA01' }, true);

    const arms = await report('exp_visitor');
    expect(arms.get('treatment')).toMatchObject({ units: 1, orders: 1, attachedOrders: 1 });
    const plain = await results('exp_visitor');
    expect(plain.get('treatment')).toMatchObject({ orders: 1, attributedOrders: 1 });
  });

  test('checkout units: the checkout’s order whatever its time, as before', async () => {
    await startExperiment('exp_checkout', 'checkout', null);
    await expose('exp_checkout', 'ct-k-1', 'treatment', T0);
    await expose('exp_checkout', 'ct-k-2', 'holdout', T0);
    // Stamped a moment before the exposure the extension logged: still that checkout's order.
    await order(T0 - 5_000, { checkout: 'ct-k-1', customer: 4101 }, true);
    await order(T0 + HOUR, { checkout: 'ct-k-2' }, false);

    const arms = await report('exp_checkout');
    expect(arms.get('treatment')).toMatchObject({ units: 1, orders: 1, attachedOrders: 1 });
    expect(arms.get('holdout')).toMatchObject({ units: 1, orders: 1, attachedOrders: 0 });
    const plain = await results('exp_checkout');
    expect(plain.get('treatment')).toMatchObject({ orders: 1, attributedOrders: 1 });
  });

  test('customers/redact takes the customer’s units with their orders, and the rollup with them', async () => {
    await startExperiment('exp_redact', 'customer', 3 * DAY);
    await expose('exp_redact', '4201', 'treatment', T0);
    await expose('exp_redact', 'visitorRRRR01', 'holdout', T0);
    await order(T0 + DAY, { checkout: 'ct-r-1', customer: 4201, visitor: 'visitorRRRR01' }, true);
    expect((await report('exp_redact')).get('treatment')).toMatchObject({ units: 1, orders: 1 });

    const res = await t.deliver('customers/redact', SHOP_A, {
      shop_domain: SHOP_A,
      customer: { id: 4201 },
      orders_to_redact: [],
    });
    expect(res.status).toBe(200);
    const left = await t.ctx.dbClient.execute({
      sql: `select (select count(*) from exposures where shop = ? and unit in ('4201', 'visitorRRRR01', 'ct-r-1')) as exposed,
                   (select count(*) from order_units where shop = ? and unit in ('4201', 'visitorRRRR01', 'ct-r-1')) as linked`,
      args: [SHOP_A, SHOP_A],
    });
    expect({ ...left.rows[0] }).toEqual({ exposed: 0, linked: 0 });
    const arms = await report('exp_redact');
    expect(arms.get('treatment')).toMatchObject({ units: 0, orders: 0, revenue: 0 });
    expect(arms.get('holdout')).toMatchObject({ units: 0, orders: 0 });
  });

  test('the published experiment names its unit unless it is a checkout', async () => {
    const offer = await t.db.query.offers.findFirst({
      where: and(eq(offers.shop, SHOP_A), eq(offers.id, offerId)),
    });
    const experiment = await t.db.query.experiments.findFirst({
      where: and(eq(experiments.shop, SHOP_A), eq(experiments.key, offer?.experimentKey ?? '')),
    });
    if (!offer || !experiment) throw new Error('offer missing');
    expect(experiment.unitKind).toBe('checkout');
    expect(compileOffer(offer, experiment).experiment).not.toHaveProperty('unit');
    const customer = { ...experiment, unitKind: 'customer' as const };
    expect(compileOffer(offer, customer).experiment.unit).toBe('customer');
  });
});
