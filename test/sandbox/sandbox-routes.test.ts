import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHECKOUT_ELEMENT_TAGS } from '../../core/checkout-preview/element-tags.js';
import { orders } from '../../drizzle/schema.js';
import {
  BUNDLE_FILE,
  DEFAULT_OUT_DIR,
  ensureExtensionBuilt,
} from '../../scripts/build-extension.js';
import { createApp } from '../../server/app.js';
import type { AppContext } from '../../server/app-context.js';
import { mountSandboxRoutes, readConfigFromEmulator } from '../../server/demo/sandbox/index.js';
import { buildPublishedConfig } from '../../server/domain/publish-config.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';
import {
  COFFEE_2_PACK,
  COFFEE_BAG,
  publishCrossSell,
  publishOffer,
  SPRAY_VARIANT,
  UPSELL,
} from './offer-fixture.js';

let t: TestApp;
let ctx: AppContext;
let app: ReturnType<typeof createApp>;
let offerId: string;
let upsell: { id: string; discountCode: string | null };

beforeAll(async () => {
  await ensureExtensionBuilt();
  t = await createTestApp();
  await t.install(SHOP_A);
  ctx = { ...t.ctx, demo: { shop: SHOP_A, ...t.secrets } };
  app = createApp(ctx, [
    mountSandboxRoutes(ctx, {
      readPublishedConfig: readConfigFromEmulator(t.emulator, SHOP_A),
      buildIfStale: false,
    }),
  ]);
  offerId = await publishCrossSell(app, t.secrets, SHOP_A);
  upsell = await publishOffer(app, t.secrets, SHOP_A, UPSELL);
});
afterAll(() => t.close());

function embeddedData(page: string) {
  const json = /<script id="sandbox-data" type="application\/json">(.*?)<\/script>/s.exec(
    page,
  )?.[1];
  return JSON.parse(json ?? 'null') as {
    config: string | null;
    shop: string;
    catalog: unknown[];
    bundleUrl: string;
  };
}

describe('mountSandboxRoutes', () => {
  test('refuses to exist outside demo mode', () => {
    expect(() => mountSandboxRoutes(t.ctx, { readPublishedConfig: async () => null })).toThrow(
      /demo mode only/,
    );
  });

  test('the page hands the extension exactly the config the publish step wrote to the shop metafield', async () => {
    const res = await app.request('/sandbox');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<script type="module" src="/sandbox/assets/page.js">');
    const data = embeddedData(page);
    expect(data.shop).toBe(SHOP_A);
    expect(data.bundleUrl).toBe(`/sandbox/extension/${BUNDLE_FILE}`);
    const published = JSON.parse(data.config ?? 'null');
    expect(published.offers.map((o: { id: string }) => o.id).sort()).toEqual(
      [offerId, upsell.id].sort(),
    );
    const rebuilt = await buildPublishedConfig(ctx, SHOP_A, published.publishedAt);
    expect(published).toEqual(JSON.parse(JSON.stringify(rebuilt)));
  });

  test('says so when nothing is published, and no value can break out of the data element', async () => {
    const bare = createApp(ctx, [
      mountSandboxRoutes(ctx, {
        readPublishedConfig: async () => '{"x":"</script><b>"}',
        buildIfStale: false,
      }),
    ]);
    const page = await (await bare.request('/sandbox')).text();
    expect(page).not.toContain('</script><b>');
    expect(embeddedData(page).config).toBe('{"x":"</script><b>"}');
  });

  test('serves the shipped bundle byte for byte, and nothing outside dist/extension', async () => {
    const res = await app.request(`/sandbox/extension/${BUNDLE_FILE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(
      readFileSync(join(DEFAULT_OUT_DIR, BUNDLE_FILE)),
    );
    expect((await app.request('/sandbox/extension/locales/fr.json')).status).toBe(200);
    expect((await app.request('/sandbox/extension/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await app.request('/sandbox/extension/missing.js')).status).toBe(404);
  });

  test('stands in for every Polaris element the shipped bundle renders', () => {
    const bundle = readFileSync(join(DEFAULT_OUT_DIR, BUNDLE_FILE), 'utf8');
    const used = new Set(bundle.match(/"s-[a-z-]+"/g)?.map((tag) => tag.slice(1, -1)));
    expect(used.size).toBeGreaterThan(0);
    expect(
      [...used].filter((tag) => !(CHECKOUT_ELEMENT_TAGS as readonly string[]).includes(tag)),
    ).toEqual([]);
  });

  test('compiles its page and frame scripts', async () => {
    for (const name of ['page.js', 'frame.js']) {
      const res = await app.request(`/sandbox/assets/${name}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('closerSandbox');
    }
    expect((await app.request('/sandbox/assets/other.js')).status).toBe(404);
  });

  test('mints a checkout session token the real checkout auth accepts', async () => {
    const res = await app.request('/dev/sandbox/session-token');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { token } = (await res.json()) as { token: string };
    const session = await app.request('/api/checkout/session', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(session.status).toBe(200);
    expect(await session.json()).toEqual({ shop: SHOP_A });
  });
});

describe('POST /dev/sandbox/orders', () => {
  const post = (body: unknown) =>
    app.request('/dev/sandbox/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  test('delivers a signed orders/create webhook through the real route; prices come from the catalog', async () => {
    const res = await post({
      checkoutToken: 'sbx-order-1',
      email: 'shopper@example.com',
      lines: [
        { variantId: 'gid://shopify/ProductVariant/20071', quantity: 1, attributes: [] },
        {
          variantId: SPRAY_VARIANT,
          quantity: 2,
          attributes: [{ key: '_closer_offer', value: `${offerId}:treatment` }],
        },
      ],
    });
    expect(res.status).toBe(201);
    const { orderId, name } = (await res.json()) as { orderId: string; name: string };
    expect(name).toMatch(/^#S\d+$/);
    const [row] = await ctx.db.select().from(orders).where(eq(orders.orderId, orderId));
    expect(row).toMatchObject({
      shop: SHOP_A,
      checkoutToken: 'sbx-order-1',
      subtotal: 12900 + 2 * 1200,
      currency: 'USD',
    });
    expect(row?.lines.map((l) => [l.variantId, l.amount, l.properties])).toEqual([
      ['20071', 12900, {}],
      ['20091', 2400, { _closer_offer: `${offerId}:treatment` }],
    ]);
  });

  test('an upgraded line and the upsell’s code reach the order: properties, discount, net subtotal', async () => {
    expect(upsell.discountCode).toBeTruthy();
    const res = await post({
      checkoutToken: 'sbx-order-upsell',
      lines: [
        {
          variantId: COFFEE_2_PACK,
          quantity: 2,
          attributes: [
            { key: '_closer_offer', value: `${upsell.id}:treatment` },
            { key: '_closer_from', value: COFFEE_BAG },
          ],
        },
      ],
      // Codes are case-insensitive in Shopify; the sandbox follows.
      discountCodes: [upsell.discountCode!.toLowerCase()],
    });
    expect(res.status).toBe(201);
    const { orderId } = (await res.json()) as { orderId: string };
    const [row] = await ctx.db.select().from(orders).where(eq(orders.orderId, orderId));
    // $26 × 2, $2 off each 2-pack.
    expect(row).toMatchObject({ subtotal: 5200 - 400, totalDiscounts: 400 });
    expect(row?.lines.map((l) => [l.variantId, l.amount, l.properties])).toEqual([
      ['20202', 4800, { _closer_offer: `${upsell.id}:treatment`, _closer_from: COFFEE_BAG }],
    ]);
  });

  test('refuses a discount code no published offer carries', async () => {
    const res = await post({
      checkoutToken: 't',
      lines: [{ variantId: SPRAY_VARIANT, quantity: 1 }],
      discountCodes: ['WELCOME10'],
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'unknown_discount_code',
    );
  });

  test('refuses an empty cart and a variant that is not in the catalog', async () => {
    expect((await post({ checkoutToken: 't', lines: [] })).status).toBe(400);
    const unknown = await post({
      checkoutToken: 't',
      lines: [{ variantId: 'gid://shopify/ProductVariant/1', quantity: 1 }],
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'unknown_variant',
    );
  });
});
