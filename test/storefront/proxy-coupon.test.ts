import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signAppProxyQuery } from '../../server/demo/shopify-signatures.js';
import { provideStorefrontOffers } from '../../server/routes/proxy/storefront-offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import { EXIT_OFFER, visitorIn } from './fixtures.js';

let t: TestApp;
const treatment = visitorIn(EXIT_OFFER.experiment, 'treatment');
const holdout = visitorIn(EXIT_OFFER.experiment, 'holdout');
const outside = visitorIn(EXIT_OFFER.experiment, null);

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});
afterAll(() => t.close());

/** A storefront request as Shopify's App Proxy forwards it: the shopper's query plus Shopify's. */
function proxied(query: Record<string, string>, shop = SHOP_A, secret = t.secrets.apiSecret) {
  const signed = signAppProxyQuery(secret, {
    ...query,
    shop,
    path_prefix: '/apps/closer',
    timestamp: String(Math.floor(Date.now() / 1000)),
    logged_in_customer_id: '',
  });
  return t.app.request(`/proxy/coupon?${signed}`);
}

async function expectNoCoupon(res: Response) {
  expect(res.status).toBe(404);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = await res.json();
  expect(body.error).toMatchObject({ code: 'no_coupon' });
  expect(body.error.requestId).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toContain(EXIT_OFFER.sharedCode);
}

describe('GET /proxy/coupon', () => {
  test('with no storefront offers provided (Shopify mode today) every visitor gets 404', async () => {
    await expectNoCoupon(await proxied({ offer: EXIT_OFFER.id, vid: treatment }));
  });

  describe('with the shop’s storefront offers', () => {
    beforeAll(() => {
      provideStorefrontOffers(t.ctx, async (shop) => (shop === SHOP_A ? [EXIT_OFFER] : []));
    });

    test('a treatment visitor gets the offer’s code, not cacheable', async () => {
      const res = await proxied({ offer: EXIT_OFFER.id, vid: treatment });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ code: 'CLOSER-EXIT10' });
    });

    test('holdout, outside coverage and unknown offers all get the same 404', async () => {
      await expectNoCoupon(await proxied({ offer: EXIT_OFFER.id, vid: holdout }));
      await expectNoCoupon(await proxied({ offer: EXIT_OFFER.id, vid: outside }));
      await expectNoCoupon(await proxied({ offer: 'no-such-offer', vid: treatment }));
    });

    test('another shop asking for this shop’s offer gets nothing', async () => {
      await expectNoCoupon(await proxied({ offer: EXIT_OFFER.id, vid: treatment }, SHOP_B));
    });

    test('a shop that is not installed gets nothing', async () => {
      await expectNoCoupon(
        await proxied({ offer: EXIT_OFFER.id, vid: treatment }, 'not-installed.myshopify.com'),
      );
    });

    test('a missing or malformed offer or visitor id is a 400', async () => {
      const queries: Record<string, string>[] = [
        { offer: EXIT_OFFER.id },
        { vid: treatment },
        { offer: EXIT_OFFER.id, vid: 'short' },
        { offer: EXIT_OFFER.id, vid: `${treatment}<script>` },
        { offer: 'x'.repeat(65), vid: treatment },
      ];
      for (const query of queries) {
        const res = await proxied(query);
        expect(res.status, JSON.stringify(query)).toBe(400);
        expect((await res.json()).error.code).toBe('invalid_query');
      }
    });

    test('forged, tampered and unsigned requests are 401 and hand out nothing', async () => {
      const forged = await proxied({ offer: EXIT_OFFER.id, vid: treatment }, SHOP_A, 'not-ours');
      expect(forged.status).toBe(401);

      // Signed for a holdout visitor, then re-pointed at a treatment visitor.
      const signed = signAppProxyQuery(t.secrets.apiSecret, {
        offer: EXIT_OFFER.id,
        vid: holdout,
        shop: SHOP_A,
        path_prefix: '/apps/closer',
        timestamp: String(Math.floor(Date.now() / 1000)),
        logged_in_customer_id: '',
      });
      signed.set('vid', treatment);
      const tampered = await t.app.request(`/proxy/coupon?${signed}`);
      expect(tampered.status).toBe(401);

      const unsigned = await t.app.request(
        `/proxy/coupon?offer=${EXIT_OFFER.id}&vid=${treatment}&shop=${SHOP_A}`,
      );
      expect(unsigned.status).toBe(401);
      for (const res of [forged, tampered, unsigned]) {
        expect(await res.text()).not.toContain(EXIT_OFFER.sharedCode);
      }
    });
  });
});
