import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { assignArm } from '../../core/decide/index.js';
import { VerifiedTokens } from '../../server/auth/verified-tokens.js';
import { sqlRunnerFor } from '../../server/db/sql-runner.js';
import { SHOP_STATE_RECHECK_MS, ShopCache } from '../../server/domain/shop-cache.js';
import { adminCall, crossSellInput, type JsonBody } from '../helpers/offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
/** The shop cache's clock, moved by the tests that look at its time bound. */
let clock = Date.now();

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.shopCache = { now: () => clock };
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});
afterAll(() => t.close());

interface OfferUnderTest {
  id: string;
  experiment: {
    key: string;
    seed: string;
    coverage: number;
    arms: { key: string; weight: number; holdout: boolean }[];
  };
}

async function activeOffer(shop = SHOP_A, name = 'Offer'): Promise<OfferUnderTest> {
  const created = await adminCall(
    t,
    shop,
    'POST',
    '/offers',
    crossSellInput({ name, holdout: 0.5 }),
  );
  const activated = await adminCall(t, shop, 'POST', `/offers/${created.body.offer.id}/activate`);
  expect(activated.status).toBe(200);
  return activated.body.offer;
}

function eventFor(offer: OfferUnderTest, unit = `unit-${randomUUID()}`) {
  const arm = assignArm(offer.experiment, unit)?.key;
  if (!arm) throw new Error('unit outside the experiment');
  return {
    id: randomUUID(),
    type: 'impression',
    offerId: offer.id,
    experimentKey: offer.experiment.key,
    arm,
    unit,
    at: Date.now(),
  };
}

async function send(offer: OfferUnderTest, shop = SHOP_A) {
  const res = await t.app.request('/api/checkout/events', {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await t.checkoutToken(shop)}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ events: [eventFor(offer)] }),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}

describe('the shop cache is invalidated on publish', () => {
  test('an archived offer’s events are refused from the next request on', async () => {
    const offer = await activeOffer();
    expect((await send(offer)).status).toBe(202);
    expect((await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/archive`)).status).toBe(200);
    const refused = await send(offer);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('offer_archived');
  });

  test('an offer activated after the shop’s catalog was kept is known at once', async () => {
    const first = await activeOffer();
    expect((await send(first)).status).toBe(202);
    const second = await activeOffer(SHOP_A, 'Second');
    expect((await send(second)).status).toBe(202);
  });

  test('a new split (a new experiment) is accepted, its events checked against its own arms', async () => {
    const offer = await activeOffer();
    expect((await send(offer)).status).toBe(202);
    const edited = await adminCall(t, SHOP_A, 'PATCH', `/offers/${offer.id}`, { holdout: 0.3 });
    expect(edited.status).toBe(200);
    const next: OfferUnderTest = edited.body.offer;
    expect(next.experiment.key).not.toBe(offer.experiment.key);
    expect((await send(next)).status).toBe(202);
  });

  test('a change that publishes nothing is seen within catalogMaxAgeMs', async () => {
    const offer = await activeOffer();
    await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/pause`);
    expect((await send(offer)).status).toBe(202);
    // Archiving a paused offer publishes nothing (shoppers already do not see it).
    expect((await adminCall(t, SHOP_A, 'POST', `/offers/${offer.id}/archive`)).status).toBe(200);
    clock += 60_001;
    const refused = await send(offer);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('offer_archived');
  });
});

describe('the shop cache is invalidated on uninstall and redaction', () => {
  test('after app/uninstalled the shop’s events are refused; after reinstall accepted again', async () => {
    const offer = await activeOffer(SHOP_B, 'B offer');
    expect((await send(offer, SHOP_B)).status).toBe(202);
    expect((await t.deliver('app/uninstalled', SHOP_B, { id: 1 })).status).toBe(200);
    const refused = await send(offer, SHOP_B);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('shop_not_installed');
    const pixel = await t.app.request('/api/pixel/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({
        shop: SHOP_B,
        events: [{ id: randomUUID(), name: 'checkout_completed', checkoutToken: 'x', at: 1 }],
      }),
    });
    expect(pixel.status).toBe(404);
    await t.install(SHOP_B);
    expect((await send(offer, SHOP_B)).status).toBe(202);
  });

  test('after shop/redact the shop is unknown, and its offers stay gone after a reinstall', async () => {
    const offer = await activeOffer(SHOP_B, 'Redacted offer');
    expect((await send(offer, SHOP_B)).status).toBe(202);
    expect(
      (await t.deliver('shop/redact', SHOP_B, { shop_id: 2, shop_domain: SHOP_B })).status,
    ).toBe(200);
    expect((await send(offer, SHOP_B)).body.error.code).toBe('shop_not_installed');
    await t.install(SHOP_B);
    const refused = await send(offer, SHOP_B);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('unknown_offer');
  });
});

describe('a change made by another process (straight to the database)', () => {
  test('is seen once the shop state is older than recheckMs, and not read before', async () => {
    const offer = await activeOffer(SHOP_A, 'Changed elsewhere');
    expect((await send(offer)).status).toBe(202);
    // Another process archives the offer and bumps the publication counter in one transaction.
    await t.ctx.dbClient.batch(
      [
        {
          sql: "update offers set status = 'archived' where shop = ? and id = ?",
          args: [SHOP_A, offer.id],
        },
        {
          sql: 'update shop_publications set requested = requested + 1 where shop = ?',
          args: [SHOP_A],
        },
      ],
      'write',
    );
    // Within the interval this process still answers from what it kept.
    expect((await send(offer)).status).toBe(202);
    clock += SHOP_STATE_RECHECK_MS + 1;
    const refused = await send(offer);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('offer_archived');
  });
});

describe('bounded memory', () => {
  test('the shop cache keeps at most maxShops shops', async () => {
    const cache = new ShopCache(sqlRunnerFor(t.ctx.dbClient), {
      recheckMs: 60_000,
      catalogMaxAgeMs: 60_000,
      maxShops: 2,
      now: () => clock,
    });
    for (const shop of [SHOP_A, SHOP_B, 'shop-c.myshopify.com', 'shop-d.myshopify.com']) {
      await cache.catalog(shop);
      expect(cache.size).toBeLessThanOrEqual(2);
    }
    expect(await cache.isActive(SHOP_A)).toBe(true);
    expect(await cache.isActive('shop-c.myshopify.com')).toBe(false);
  });

  test('verified tokens are kept until their exp and at most maxTokens of them', () => {
    let now = 1_000_000;
    const tokens = new VerifiedTokens<string>(2, () => now);
    tokens.set('a', SHOP_A, now / 1000 + 60);
    tokens.set('b', SHOP_B, now / 1000 + 30);
    expect(tokens.get('a')).toBe(SHOP_A);
    tokens.set('c', SHOP_A, now / 1000 + 60);
    // 'b' was the least recently used of the three.
    expect(tokens.get('b')).toBeUndefined();
    expect(tokens.size).toBe(2);
    now += 60_000;
    expect(tokens.get('a')).toBeUndefined();
    tokens.set('expired', SHOP_A, now / 1000 - 1);
    expect(tokens.get('expired')).toBeUndefined();
  });
});
