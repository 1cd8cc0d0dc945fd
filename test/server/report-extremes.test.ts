import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm, type PublishedExperiment } from '../../core/decide/index.js';
import { adminCall, crossSellInput } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

/*
 * One row must never take a report down. A squared order value passes 2⁵³ (the largest integer
 * libSQL hands back as a number) from about 950,000.00 in a two-decimal currency; before, one
 * such order made every later report and results call of its offer answer 500.
 */
let t: TestApp;
let offerId: string;
let experimentKey: string;
let experiment: PublishedExperiment;

const usd = (amount: string) => ({ shop_money: { amount, currency_code: 'USD' } });

/** A fresh unit the server assigns to the treatment arm, exposed through the real endpoint. */
async function exposedTreatmentUnit(prefix: string) {
  let i = 0;
  while (assignArm(experiment, `${prefix}-${i}`)?.holdout !== false) i += 1;
  const unit = `${prefix}-${i}`;
  await expose(unit, 'treatment');
  return unit;
}

async function expose(unit: string, arm: string) {
  const res = await t.app.request('/api/checkout/events', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await t.checkoutToken(SHOP_A)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      events: [
        { id: randomUUID(), type: 'exposure', offerId, experimentKey, arm, unit, at: Date.now() },
      ],
    }),
  });
  expect(res.status).toBe(202);
}

/** An order on `unit` whose offer line carries `quantity` × `price`, subtotal as given. */
function bigOrder(unit: string, subtotal: string, quantity: number, price: string) {
  const payload = orderPayload({
    checkout_token: unit,
    subtotal_price_set: usd(subtotal),
    created_at: new Date().toISOString(),
  });
  const line = {
    ...payload.line_items[1],
    quantity,
    price,
    price_set: usd(price),
    properties: [{ name: '_closer_offer', value: `${offerId}:treatment` }],
  };
  return { ...payload, line_items: [line] };
}

async function reports() {
  const report = await adminCall(t, SHOP_A, 'GET', `/experiments/${experimentKey}/report`);
  const results = await adminCall(t, SHOP_A, 'GET', `/offers/${offerId}/results`);
  return { report, results };
}

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', crossSellInput({ holdout: 0.5 }));
  offerId = created.body.offer.id;
  experimentKey = created.body.offer.experiment.key;
  const { key, seed, coverage, arms } = created.body.offer.experiment;
  experiment = { key, seed, coverage, arms };
  await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/activate`);
});
afterAll(() => t.close());

describe('reports with extreme orders', () => {
  test('an order with quantity 10⁹ is refused at the door, and the report still answers', async () => {
    const unit = await exposedTreatmentUnit('unit-huge-qty');
    const res = await t.deliver(
      'orders/create',
      SHOP_A,
      bigOrder(unit, '10000000.00', 1_000_000_000, '0.01'),
    );
    expect(res.status).toBe(200);
    const { report, results } = await reports();
    expect(report.status).toBe(200);
    expect(results.status).toBe(200);
    const treatment = report.body.arms.find((a: { arm: string }) => a.arm === 'treatment');
    expect(treatment.orders).toBe(0);
    expect(treatment.attributedRevenue).toBe(0);
  });

  test('a legitimate 1,000,000.00 order is counted and every report still answers', async () => {
    const unit = await exposedTreatmentUnit('unit-million');
    const res = await t.deliver(
      'orders/create',
      SHOP_A,
      bigOrder(unit, '1000000.00', 10, '100000.00'),
    );
    expect(await res.json()).toEqual({ ok: true, duplicate: false });
    const { report, results } = await reports();
    expect(report.status).toBe(200);
    expect(results.status).toBe(200);
    const treatment = report.body.arms.find((a: { arm: string }) => a.arm === 'treatment');
    expect(treatment.orders).toBe(1);
    expect(treatment.revenue).toBe(100_000_000);
    expect(treatment.attributedRevenue).toBe(100_000_000);
    const resultArm = results.body.arms.find((a: { arm: string }) => a.arm === 'treatment');
    expect(resultArm.revenue).toBe(100_000_000);
    expect(resultArm.attributedRevenue).toBe(100_000_000);
    // The CSV export reads the same rows.
    const csv = await t.app.request(`/api/admin/experiments/${experimentKey}/report?format=csv`, {
      headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` },
    });
    expect(csv.status).toBe(200);
  });

  test('orders at the upper bound keep answering too (10,000,000,000.00)', async () => {
    const unit = await exposedTreatmentUnit('unit-max');
    const res = await t.deliver(
      'orders/create',
      SHOP_A,
      bigOrder(unit, '10000000000.00', 1, '10000000000.00'),
    );
    expect(await res.json()).toEqual({ ok: true, duplicate: false });
    const { report, results } = await reports();
    expect(report.status).toBe(200);
    expect(results.status).toBe(200);
    const treatment = report.body.arms.find((a: { arm: string }) => a.arm === 'treatment');
    expect(treatment.revenue).toBe(100_000_000 + 1_000_000_000_000);
  });
});
