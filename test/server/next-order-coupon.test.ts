// The next-order coupon on the server: the offer made through the admin API (an order-level code
// discount, single use per code, never published), and `POST /api/checkout/coupons` — the Thank
// you block's call — authenticated with the checkout session token, logging the exposure for both
// arms and handing a treatment customer one pooled code, the same each time they ask.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/decide-offers.js';
import type { PublishedConfig, PublishedExperiment } from '../../core/offers/published-config.js';
import { armDaily, couponCodes, experiments, exposures } from '../../drizzle/schema.js';
import { configureCouponPool } from '../../server/domain/coupon-pool.js';
import { configureCouponLimits } from '../../server/routes/proxy/coupon-limits.js';
import { adminCall, type JsonBody, nextOrderCouponInput } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let offerId: string;
let experiment: PublishedExperiment;
const ROOMY = {
  perVisitor: { max: 1000, windowMs: 60_000 },
  perAddress: { max: 1000, windowMs: 60_000 },
};

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  configureCouponPool(t.ctx, { target: 5, lowWater: 2, pollMs: 0 });
  configureCouponLimits(t.ctx, ROOMY);
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', nextOrderCouponInput());
  expect(created.status).toBe(201);
  offerId = created.body.offer.id;
  experiment = created.body.offer.experiment;
  expect((await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/activate`)).status).toBe(200);
});
afterAll(() => t.close());

/** A numeric customer id in the given arm of the offer's experiment. */
function customerIn(arm: 'holdout' | 'treatment', from = 1000): string {
  for (let i = from; i < from + 5000; i++) {
    if (assignArm(experiment, String(i))?.key === arm) return String(i);
  }
  throw new Error(`no customer in ${arm}`);
}

async function ask(body: unknown, options: { shop?: string; token?: string; sub?: string } = {}) {
  const token =
    options.token ??
    (await t.checkoutToken(options.shop ?? SHOP_A, {
      ...(options.sub ? { claims: { sub: options.sub } } : {}),
    }));
  const res = await t.app.request('/api/checkout/coupons', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as JsonBody, res };
}

const gid = (id: string) => `gid://shopify/Customer/${id}`;

async function exposureOf(customer: string) {
  return t.db
    .select()
    .from(exposures)
    .where(and(eq(exposures.shop, SHOP_A), eq(exposures.unit, customer)))
    .all();
}

describe('the next-order coupon offer', () => {
  test('its pool is topped up once it is published, before the first customer asks', async () => {
    await expect
      .poll(
        async () =>
          (
            await t.db
              .select()
              .from(couponCodes)
              .where(and(eq(couponCodes.shop, SHOP_A), eq(couponCodes.offerId, offerId)))
              .all()
          ).filter((row) => row.state === 'available').length,
      )
      .toBe(5);
  });

  test('runs a customer experiment with the offer window, and publishes no code', async () => {
    const row = await t.db.query.experiments.findFirst({
      where: and(eq(experiments.shop, SHOP_A), eq(experiments.key, experiment.key)),
    });
    expect(row?.unitKind).toBe('customer');
    expect(row?.outcomeWindowMs).toBe(14 * 86_400_000);
    const config = JSON.parse(
      t.emulator.state(SHOP_A).metafields.get('$app.closer_config')?.value ?? 'null',
    ) as PublishedConfig;
    const published = config.offers.find((o) => o.id === offerId);
    expect(published?.target).toBe('thank_you_block');
    expect(published?.discount ?? null).toBeNull();
    expect(Object.values(published?.variants ?? {})[0]).toMatchObject({ codeExpiryDays: 30 });
  });

  test('new copy keeps the running experiment', async () => {
    const copy = await adminCall(t, SHOP_A, 'PATCH', `/offers/${offerId}`, {
      variants: [{ heading: 'Thanks — 10% off next time', body: '' }],
    });
    expect(copy.status).toBe(200);
    expect(copy.body.offer.experiment.key).toBe(experiment.key);
  });
});

describe('POST /api/checkout/coupons', () => {
  test('refuses a call without a valid checkout session token', async () => {
    const customer = customerIn('treatment');
    const missing = await t.app.request('/api/checkout/coupons', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ offerId, customerId: gid(customer) }),
    });
    expect(missing.status).toBe(401);
    const forged = await ask(
      { offerId, customerId: gid(customer) },
      { token: await t.checkoutToken(SHOP_A, { secret: 'not-the-app-secret' }) },
    );
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('invalid_session_token');
    expect(await exposureOf(customer)).toEqual([]);
  });

  test('validates the body', async () => {
    const bad = await ask({ offerId, customerId: 'gid://shopify/Order/5' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_coupon_request');
    expect((await ask({ offerId })).status).toBe(400);
  });

  test('a treatment customer gets their own code, the same one each time, and is exposed once', async () => {
    const customer = customerIn('treatment');
    const first = await ask({ offerId, customerId: gid(customer) });
    expect(first.status).toBe(200);
    expect(first.res.headers.get('cache-control')).toBe('no-store');
    expect(first.body.code).toMatch(/^[A-Z0-9-]{6,}$/);
    expect(first.body.discount).toEqual({ type: 'percentage', value: 10 });
    const days = (first.body.expiresAt - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const again = await ask({ offerId, customerId: customer });
    expect(again.body).toEqual(first.body);
    const other = await ask({
      offerId,
      customerId: gid(customerIn('treatment', Number(customer) + 1)),
    });
    expect(other.status).toBe(200);
    expect(other.body.code).not.toBe(first.body.code);

    const rows = await exposureOf(customer);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ arm: 'treatment', offerId, experimentKey: experiment.key });
    const held = await t.db
      .select()
      .from(couponCodes)
      .where(and(eq(couponCodes.shop, SHOP_A), eq(couponCodes.code, first.body.code)))
      .all();
    expect(held).toHaveLength(1);
    expect(held[0]?.state).toBe('assigned');
  });

  test('a holdout customer is exposed and gets nothing, exactly like an unknown offer', async () => {
    const customer = customerIn('holdout');
    const holdout = await ask({ offerId, customerId: gid(customer) });
    expect(holdout.status).toBe(404);
    expect(holdout.body.error.code).toBe('no_coupon');
    expect(holdout.body.code).toBeUndefined();
    const rows = await exposureOf(customer);
    expect(rows.map((r) => r.arm)).toEqual(['holdout']);

    const unknown = await ask({ offerId: 'off_nope', customerId: gid(customer) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('no_coupon');
  });

  test('another shop cannot reach the offer, and a signed-in buyer only their own code', async () => {
    const customer = customerIn('treatment', 3000);
    const crossShop = await ask({ offerId, customerId: gid(customer) }, { shop: SHOP_B });
    expect(crossShop.status).toBe(404);
    expect(await exposureOf(customer)).toEqual([]);

    const mismatch = await ask({ offerId, customerId: gid(customer) }, { sub: gid('42') });
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error.code).toBe('customer_mismatch');
    expect(await exposureOf(customer)).toEqual([]);

    const own = await ask({ offerId, customerId: gid(customer) }, { sub: gid(customer) });
    expect(own.status).toBe(200);
  });

  test('fresh customer ids from one client are throttled before the pool is drained', async () => {
    configureCouponLimits(t.ctx, {
      perAddress: { max: 3, windowMs: 60_000 },
      perVisitor: { max: 2, windowMs: 60_000 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const customer = customerIn('treatment', 8000 + i * 50);
        statuses.push((await ask({ offerId, customerId: gid(customer) })).status);
      }
      expect(statuses.filter((s) => s === 200)).toHaveLength(3);
      expect(statuses.slice(3)).toEqual([429, 429, 429]);
      const held = await t.db
        .select()
        .from(couponCodes)
        .where(and(eq(couponCodes.shop, SHOP_A), eq(couponCodes.offerId, offerId)))
        .all();
      const customersHolding = held.filter((r) => r.visitor?.startsWith('customer:8')).length;
      expect(customersHolding).toBe(3);
    } finally {
      configureCouponLimits(t.ctx, ROOMY);
    }
  });

  test('a paused offer hands out nothing and logs nothing', async () => {
    expect((await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/pause`)).status).toBe(200);
    const customer = customerIn('treatment', 4000);
    const paused = await ask({ offerId, customerId: gid(customer) });
    expect(paused.status).toBe(404);
    expect(await exposureOf(customer)).toEqual([]);
    expect((await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/activate`)).status).toBe(200);
  });
});

describe('what counts as a repeat purchase', () => {
  async function armTotals(arm: string) {
    const rows = await t.db
      .select()
      .from(armDaily)
      .where(
        and(
          eq(armDaily.shop, SHOP_A),
          eq(armDaily.experimentKey, experiment.key),
          eq(armDaily.arm, arm),
        ),
      )
      .all();
    return {
      units: rows.reduce((n, r) => n + r.units, 0),
      orders: rows.reduce((n, r) => n + r.orders, 0),
      revenue: rows.reduce((n, r) => n + r.revenue, 0),
    };
  }
  const order = (customer: string, at: number, subtotal: string) =>
    orderPayload({
      customer: { id: Number(customer) },
      created_at: new Date(at).toISOString(),
      subtotal_price: subtotal,
      subtotal_price_set: {
        shop_money: { amount: subtotal, currency_code: 'USD' },
        presentment_money: { amount: subtotal, currency_code: 'USD' },
      },
    });

  test('the order that showed the Thank you page never counts, even when its webhook comes after', async () => {
    const customer = customerIn('treatment', 6000);
    const before = await armTotals('treatment');
    // Shopify stamps the order, the Thank you page renders, and only then (webhooks lag) the
    // orders/create of that same order arrives.
    const placedAt = Date.now() - 2_000;
    expect((await ask({ offerId, customerId: gid(customer) })).status).toBe(200);
    expect(
      (await t.deliver('orders/create', SHOP_A, order(customer, placedAt, '80.00'))).status,
    ).toBe(200);
    expect(await armTotals('treatment')).toEqual({
      units: before.units + 1,
      orders: before.orders,
      revenue: before.revenue,
    });
    // A later order of the same customer inside the window is a repeat purchase.
    const later = Date.now() + 3 * 86_400_000;
    expect((await t.deliver('orders/create', SHOP_A, order(customer, later, '45.00'))).status).toBe(
      200,
    );
    expect(await armTotals('treatment')).toEqual({
      units: before.units + 1,
      orders: before.orders + 1,
      revenue: before.revenue + 4500,
    });
    // One past the window (14 days from the exposure) is not.
    const past = Date.now() + 15 * 86_400_000;
    await t.deliver('orders/create', SHOP_A, order(customer, past, '99.00'));
    expect((await armTotals('treatment')).orders).toBe(before.orders + 1);
  });
});

describe('the outcome window', () => {
  test('a new window starts a new experiment measured over it', async () => {
    const edited = await adminCall(t, SHOP_A, 'PATCH', `/offers/${offerId}`, {
      outcomeWindowDays: 21,
    });
    expect(edited.status).toBe(200);
    const key = edited.body.offer.experiment.key;
    expect(key).not.toBe(experiment.key);
    const row = await t.db.query.experiments.findFirst({
      where: and(eq(experiments.shop, SHOP_A), eq(experiments.key, key)),
    });
    expect(row?.outcomeWindowMs).toBe(21 * 86_400_000);
  });
});
