// The exit coupon end to end on the server: the offer is created through the admin API (its
// Shopify discount made single-use per code), its storefront config published beside the
// checkout's, its pool minted through the emulated Admin GraphQL, and codes handed out by the
// signed App Proxy route — under throttling, hammering and forged calls.
import { and, eq, sql } from 'drizzle-orm';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { PublishedExperiment } from '../../core/offers/published-config.js';
import type { StorefrontConfig } from '../../core/storefront/config.js';
import { couponCodes, exposures } from '../../drizzle/schema.js';
import { emulatedRedeemCode } from '../../server/demo/emulator/redeem-codes.js';
import { signAppProxyQuery } from '../../server/demo/shopify-signatures.js';
import { configureCouponPool, expireCodes, refillPool } from '../../server/domain/coupon-pool.js';
import { publisherFor } from '../../server/domain/publication.js';
import { configureCouponLimits } from '../../server/routes/proxy/coupon-limits.js';
import { adminCall, exitCouponInput } from '../helpers/offers.js';
import { orderPayload } from '../helpers/order-payloads.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import { visitorIn } from './fixtures.js';

let t: TestApp;
let offerId: string;
let experiment: PublishedExperiment;
let discountId: string;

const POOL = 6;
const LOW_WATER = 3;
const LIMITS = {
  perVisitor: { max: 3, windowMs: 60_000 },
  perAddress: { max: 40, windowMs: 60_000 },
};

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  configureCouponPool(t.ctx, { target: POOL, lowWater: LOW_WATER, pollMs: 0 });
  t.ctx.shopifyCalls = { maxAttempts: 4, sleep: async () => {}, random: () => 0 };
  const created = await adminCall(t, SHOP_A, 'POST', '/offers', exitCouponInput());
  expect(created.status).toBe(201);
  offerId = created.body.offer.id;
  expect((await adminCall(t, SHOP_A, 'POST', `/offers/${offerId}/activate`)).status).toBe(200);
  const read = (await adminCall(t, SHOP_A, 'GET', `/offers/${offerId}`)).body.offer;
  experiment = read.experiment;
  const row = await t.ctx.db.query.offers.findFirst({ where: (o) => eq(o.id, offerId) });
  discountId = row?.discountId as string;
});
beforeEach(() => configureCouponLimits(t.ctx, LIMITS));
afterEach(() => t.network.resetHandlers());
afterAll(() => {
  publisherFor(t.ctx).stop();
  return t.close();
});

function proxied(
  query: Record<string, string>,
  options: { shop?: string; secret?: string; at?: number } = {},
) {
  const signed = signAppProxyQuery(options.secret ?? t.secrets.apiSecret, {
    ...query,
    shop: options.shop ?? SHOP_A,
    path_prefix: '/apps/closer',
    timestamp: String(Math.floor((options.at ?? Date.now()) / 1000)),
    logged_in_customer_id: '',
  });
  return { url: `/proxy/coupon?${signed}`, send: () => t.app.request(`/proxy/coupon?${signed}`) };
}

async function codesOf(state?: 'available' | 'assigned') {
  return t.ctx.db
    .select()
    .from(couponCodes)
    .where(
      and(
        eq(couponCodes.shop, SHOP_A),
        eq(couponCodes.offerId, offerId),
        ...(state ? [eq(couponCodes.state, state)] : []),
      ),
    );
}

async function exposuresOf(visitor: string) {
  return t.ctx.db
    .select()
    .from(exposures)
    .where(and(eq(exposures.shop, SHOP_A), eq(exposures.unit, visitor)));
}

async function fillPool() {
  await refillPool(t.ctx, SHOP_A, offerId);
  expect((await codesOf('available')).length).toBeGreaterThanOrEqual(POOL);
}

describe('publishing', () => {
  test('the offer goes to $app.storefront_config (no code in it), not to the checkout config', async () => {
    await publisherFor(t.ctx).deliver(SHOP_A);
    const metafields = t.emulator.state(SHOP_A).metafields;
    const storefront = JSON.parse(
      metafields.get('$app.storefront_config')?.value ?? 'null',
    ) as StorefrontConfig;
    const checkout = JSON.parse(metafields.get('$app.closer_config')?.value ?? 'null');
    expect(storefront.offers.map((o) => o.id)).toEqual([offerId]);
    expect(storefront.offers[0]?.pages).toEqual(['index', 'product', 'cart']);
    expect(storefront.offers[0]?.intent).toMatchObject({ minTimeOnPageMs: 5000, exitSpeed: 0.3 });
    expect(checkout.offers.map((o: { id: string }) => o.id)).not.toContain(offerId);
    expect(JSON.stringify(storefront)).not.toMatch(/CLOSER-|EXIT-/);
  });

  test('the discount is on the whole order, stacks as set, and every code works once', () => {
    const discount = t.emulator.state(SHOP_A).discounts.get(discountId);
    expect(discount).toMatchObject({
      allItems: true,
      percentage: 0.1,
      combinesWith: { orderDiscounts: false, productDiscounts: true, shippingDiscounts: true },
    });
  });
});

describe('the pool', () => {
  test('a treatment visitor gets a pooled code; asking twice gives the same code; exposure logged', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'treatment', 'pool-same');
    const first = await proxied({ offer: offerId, vid: visitor }).send();
    expect(first.status).toBe(200);
    const { code } = (await first.json()) as { code: string };
    const again = await proxied({ offer: offerId, vid: visitor }).send();
    expect(await again.json()).toEqual({ code });
    const mine = (await codesOf('assigned')).filter((c) => c.visitor === visitor);
    expect(mine.map((c) => c.code)).toEqual([code]);
    expect(mine[0]?.expiresAt).toBe((mine[0]?.assignedAt ?? 0) + 48 * 3_600_000);
    expect(await exposuresOf(visitor)).toMatchObject([{ arm: 'treatment', offerId }]);
  });

  test('the holdout gets 404 and no code, but its exposure is logged', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'holdout', 'pool-holdout');
    const res = await proxied({ offer: offerId, vid: visitor }).send();
    expect(res.status).toBe(404);
    expect((await codesOf()).some((c) => c.visitor === visitor)).toBe(false);
    expect(await exposuresOf(visitor)).toMatchObject([{ arm: 'holdout', offerId }]);
  });

  test('handing out codes below the low-water mark refills the pool in the background', async () => {
    await fillPool();
    const before = (await codesOf('available')).length;
    for (let i = 0; i < before - LOW_WATER + 1; i++) {
      const res = await proxied({
        offer: offerId,
        vid: visitorIn(experiment, 'treatment', `pool-drain-${i}`),
      }).send();
      expect(res.status).toBe(200);
    }
    await refillPool(t.ctx, SHOP_A, offerId); // joins the refill the last hand-out started
    expect((await codesOf('available')).length).toBe(POOL);
  });

  test('Shopify throttling and 5xx on the bulk add are retried by the gateway', async () => {
    await t.ctx.db
      .delete(couponCodes)
      .where(and(eq(couponCodes.shop, SHOP_A), eq(couponCodes.state, 'available')));
    let calls = 0;
    t.network.use(
      http.post('https://:shop/admin/api/:version/graphql.json', async ({ request }) => {
        const body = (await request.clone().json()) as { query?: string };
        if (!/mutation CloserRedeemCodesAdd\b/.test(body.query ?? '')) return undefined;
        calls += 1;
        if (calls === 1) return new HttpResponse('unavailable', { status: 503 });
        if (calls === 2)
          return HttpResponse.json({
            errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
          });
        return undefined;
      }),
    );
    expect(await refillPool(t.ctx, SHOP_A, offerId)).toBe(POOL);
    expect(calls).toBe(3);
    expect((await codesOf('available')).length).toBe(POOL);
  });

  test('a refill whose confirmation never arrives records nothing (never half-recorded)', async () => {
    await t.ctx.db
      .delete(couponCodes)
      .where(and(eq(couponCodes.shop, SHOP_A), eq(couponCodes.state, 'available')));
    t.network.use(
      http.post('https://:shop/admin/api/:version/graphql.json', async ({ request }) => {
        const body = (await request.clone().json()) as { query?: string };
        if (!/query CloserRedeemCodesStatus\b/.test(body.query ?? '')) return undefined;
        return new HttpResponse('down', { status: 502 });
      }),
    );
    await expect(refillPool(t.ctx, SHOP_A, offerId)).rejects.toThrow();
    expect(await codesOf('available')).toEqual([]);
    // The shopper is answered at once (no code ready), never made to wait on Shopify.
    const res = await proxied({
      offer: offerId,
      vid: visitorIn(experiment, 'treatment', 'pool-empty'),
    }).send();
    expect(res.status).toBe(503);
    t.network.resetHandlers();
    await refillPool(t.ctx, SHOP_A, offerId);
    expect((await codesOf('available')).length).toBe(POOL);
  });

  test('a visitor hammering the route is throttled (429) and holds one code', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'treatment', 'pool-hammer');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++)
      statuses.push((await proxied({ offer: offerId, vid: visitor }).send()).status);
    expect(statuses.slice(0, LIMITS.perVisitor.max)).toEqual([200, 200, 200]);
    expect(statuses.slice(LIMITS.perVisitor.max).every((s) => s === 429)).toBe(true);
    expect((await codesOf('assigned')).filter((c) => c.visitor === visitor)).toHaveLength(1);
  });

  test('fresh visitor ids from one address are throttled before they drain the pool', async () => {
    configureCouponLimits(t.ctx, { ...LIMITS, perAddress: { max: 4, windowMs: 60_000 } });
    await fillPool();
    const assignedBefore = (await codesOf('assigned')).length;
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const vid = visitorIn(experiment, 'treatment', `pool-flood-${i}`);
      statuses.push((await proxied({ offer: offerId, vid }).send()).status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(8);
    expect((await codesOf('assigned')).length - assignedBefore).toBeLessThanOrEqual(4);
    expect((await codesOf('available')).length).toBeGreaterThan(0);
  });
});

describe('per shopper address', () => {
  test('the limit follows the address Shopify forwards (X-Forwarded-For), not the proxy’s', async () => {
    configureCouponLimits(t.ctx, { ...LIMITS, perAddress: { max: 2, windowMs: 60_000 } });
    await fillPool();
    const ask = (i: number, address: string) =>
      t.app.request(
        proxied({ offer: offerId, vid: visitorIn(experiment, 'treatment', `addr-${i}`) }).url,
        { headers: { 'X-Forwarded-For': `${address}, 10.0.0.1` } },
      );
    expect((await ask(1, '203.0.113.7')).status).toBe(200);
    expect((await ask(2, '203.0.113.7')).status).toBe(200);
    expect((await ask(3, '203.0.113.7')).status).toBe(429);
    // Another shopper behind the same Shopify proxy is not throttled by the first.
    expect((await ask(4, '198.51.100.9')).status).toBe(200);
  });
});

describe('redemption', () => {
  test('an order carrying a pooled code marks it redeemed, once, in its own shop only', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'treatment', 'redeem');
    const { code } = (await (await proxied({ offer: offerId, vid: visitor }).send()).json()) as {
      code: string;
    };
    const stateOf = async () => (await codesOf()).find((c) => c.code === code)?.state ?? 'missing';
    const order = orderPayload({
      discount_codes: [{ code, amount: '6.00', type: 'percentage' }],
      note_attributes: [{ name: '_closer_vid', value: visitor }],
    });
    // Another shop's order naming the code changes nothing here.
    expect((await t.deliver('orders/create', SHOP_B, order)).status).toBe(200);
    expect(await stateOf()).toBe('assigned');
    expect((await t.deliver('orders/create', SHOP_A, order)).status).toBe(200);
    expect(await stateOf()).toBe('redeemed');
    // A redelivery under a new webhook id is still one redemption (the state only moves once).
    expect((await t.deliver('orders/create', SHOP_A, order)).status).toBe(200);
    expect(await stateOf()).toBe('redeemed');
  });
});

describe('expiry', () => {
  test('a code unused past its expiry is deleted from Shopify, then marked expired; asking again gets nothing', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'treatment', 'expiry');
    const { code } = (await (await proxied({ offer: offerId, vid: visitor }).send()).json()) as {
      code: string;
    };
    const stateOf = async () => (await codesOf()).find((c) => c.code === code)?.state ?? 'missing';
    expect(emulatedRedeemCode(t.emulator.state(SHOP_A), code)).toBe(discountId);
    // Not yet due: nothing happens.
    await expireCodes(t.ctx, SHOP_A, offerId, Date.now() + 47 * 3_600_000);
    expect(await stateOf()).toBe('assigned');
    // Shopify refuses the deletion: the code stays assigned for the next sweep.
    t.network.use(
      http.post('https://:shop/admin/api/:version/graphql.json', async ({ request }) => {
        const body = (await request.clone().json()) as { query?: string };
        if (!/mutation CloserRedeemCodesDelete\b/.test(body.query ?? '')) return undefined;
        return new HttpResponse('down', { status: 502 });
      }),
    );
    await expect(
      expireCodes(t.ctx, SHOP_A, offerId, Date.now() + 49 * 3_600_000),
    ).rejects.toThrow();
    expect(await stateOf()).toBe('assigned');
    t.network.resetHandlers();
    expect(await expireCodes(t.ctx, SHOP_A, offerId, Date.now() + 49 * 3_600_000)).toBeGreaterThan(
      0,
    );
    expect(await stateOf()).toBe('expired');
    expect(emulatedRedeemCode(t.emulator.state(SHOP_A), code)).toBeNull();
    expect((await proxied({ offer: offerId, vid: visitor }).send()).status).toBe(404);
  });
});

describe('App Proxy calls that mint nothing', () => {
  async function mintedNothing(visitor: string) {
    expect((await codesOf()).some((c) => c.visitor === visitor)).toBe(false);
    expect(await exposuresOf(visitor)).toEqual([]);
  }

  test('forged (wrong secret) → 401', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'treatment', 'auth-forged');
    const res = await proxied(
      { offer: offerId, vid: visitor },
      { secret: 'not-the-secret' },
    ).send();
    expect(res.status).toBe(401);
    await mintedNothing(visitor);
  });

  test('stale (signed ten minutes ago) → 401', async () => {
    const visitor = visitorIn(experiment, 'treatment', 'auth-stale');
    const res = await proxied(
      { offer: offerId, vid: visitor },
      { at: Date.now() - 10 * 60_000 },
    ).send();
    expect(res.status).toBe(401);
    await mintedNothing(visitor);
  });

  test('tampered (the visitor swapped after signing) → 401', async () => {
    const signedFor = visitorIn(experiment, 'treatment', 'auth-signed');
    const swapped = visitorIn(experiment, 'treatment', 'auth-swapped');
    const { url } = proxied({ offer: offerId, vid: signedFor });
    const res = await t.app.request(url.replace(signedFor, swapped));
    expect(res.status).toBe(401);
    await mintedNothing(swapped);
    await mintedNothing(signedFor);
  });

  test('replayed (the same signed call again) → the same code, no second one', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'treatment', 'auth-replay');
    const call = proxied({ offer: offerId, vid: visitor });
    const first = await (await call.send()).json();
    const replay = await (await call.send()).json();
    expect(replay).toEqual(first);
    expect((await codesOf()).filter((c) => c.visitor === visitor)).toHaveLength(1);
  });

  test('cross-shop (another shop’s signature for this offer) → 404, nothing minted', async () => {
    const visitor = visitorIn(experiment, 'treatment', 'auth-cross');
    const res = await proxied({ offer: offerId, vid: visitor }, { shop: SHOP_B }).send();
    expect(res.status).toBe(404);
    await mintedNothing(visitor);
    const [row] = await t.ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(couponCodes)
      .where(eq(couponCodes.shop, SHOP_B));
    expect(row?.n).toBe(0);
  });
});

// Last: these delete the shop's codes.
describe('redaction', () => {
  test('customers/redact deletes the codes handed to the units of that customer’s orders', async () => {
    await fillPool();
    const visitor = visitorIn(experiment, 'treatment', 'redact-visitor');
    const other = visitorIn(experiment, 'treatment', 'redact-other');
    for (const vid of [visitor, other])
      expect((await proxied({ offer: offerId, vid }).send()).status).toBe(200);
    const order = orderPayload({
      customer: { id: 4242 },
      note_attributes: [{ name: '_closer_vid', value: visitor }],
    });
    expect((await t.deliver('orders/create', SHOP_A, order)).status).toBe(200);
    const res = await t.deliver('customers/redact', SHOP_A, {
      shop_domain: SHOP_A,
      customer: { id: 4242, email: 'x@example.com', phone: null },
      orders_to_redact: [order.id],
    });
    expect(res.status).toBe(200);
    const holders = (await codesOf()).map((c) => c.visitor);
    expect(holders).not.toContain(visitor);
    expect(holders).toContain(other);
  });

  test('shop/redact deletes every code of the shop', async () => {
    expect((await codesOf()).length).toBeGreaterThan(0);
    const res = await t.deliver('shop/redact', SHOP_A, { shop_id: 1, shop_domain: SHOP_A });
    expect(res.status).toBe(200);
    expect(await codesOf()).toEqual([]);
  });
});
