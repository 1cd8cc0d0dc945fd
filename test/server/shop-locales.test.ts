import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

/**
 * `GET /api/admin/shop` carries the shop's languages (`shopLocales`) for the editor's preview,
 * and a Shopify that cannot say (busy, down, scope missing) leaves them null instead of failing
 * the admin's first request.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
beforeEach(() => {
  t.network.resetHandlers();
  // Retries run without waiting; the loop itself is the real one.
  t.ctx.shopifyCalls = { sleep: async () => {}, random: () => 0 };
  t.logLines.length = 0;
});
afterAll(() => t.close());

async function getShop() {
  const res = await t.app.request('/api/admin/shop', {
    headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Answers `CloserShopLocales` in front of the emulator; every other operation passes through. */
function answerLocales(answer: () => Response) {
  const seen = { count: 0 };
  t.network.use(
    http.post('https://:shop/admin/api/:version/graphql.json', async ({ request }) => {
      const body = (await request.clone().json()) as { query?: string };
      if (!/query CloserShopLocales\b/.test(body.query ?? '')) return undefined;
      seen.count += 1;
      return answer();
    }),
  );
  return seen;
}

describe('the shop’s languages', () => {
  test('come from shopLocales with their primary and published flags', async () => {
    t.emulator.state(SHOP_A).locales = [
      { locale: 'de', primary: true, published: true },
      { locale: 'fr-CA', primary: false, published: true },
      { locale: 'it', primary: false, published: false },
    ];
    const { status, body } = await getShop();
    expect(status).toBe(200);
    expect(body.locales).toEqual([
      { locale: 'de', primary: true, published: true },
      { locale: 'fr-CA', primary: false, published: true },
      { locale: 'it', primary: false, published: false },
    ]);
    expect(body.currency).toBe('USD');
  });

  test('are null, and the shop still loads, when Shopify stays throttled', async () => {
    const seen = answerLocales(() =>
      HttpResponse.json({ errors: 'Too many requests' }, { status: 429 }),
    );
    const { status, body } = await getShop();
    expect(status).toBe(200);
    expect(body.locales).toBeNull();
    expect(body.name).toBe('Shop A');
    expect(seen.count).toBeGreaterThan(1);
    expect(t.logLines.some((line) => line.includes('shop locales unavailable'))).toBe(true);
  });

  test('are null when the app lacks the read_locales scope (ACCESS_DENIED)', async () => {
    const seen = answerLocales(() =>
      HttpResponse.json({
        errors: [
          {
            message: 'Access denied for shopLocales field.',
            extensions: { code: 'ACCESS_DENIED' },
          },
        ],
      }),
    );
    const { status, body } = await getShop();
    expect(status).toBe(200);
    expect(body.locales).toBeNull();
    expect(seen.count).toBe(1);
  });

  test('a refused access token is not swallowed: the admin drops it and asks for a retry', async () => {
    answerLocales(() =>
      HttpResponse.json({ errors: 'Invalid API key or access token' }, { status: 401 }),
    );
    const res = await t.app.request('/api/admin/shop', {
      headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` },
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('X-Shopify-Retry-Invalid-Session-Request')).toBe('1');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'shopify_token_refused',
    );
  });
});
