import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signAppProxyQuery } from '../../server/demo/shopify-signatures.js';
import {
  type CraftedAlg,
  checkoutClaims,
  craftToken,
  nowSeconds,
  YEAR_2100,
} from '../helpers/crafted-tokens.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
afterAll(() => t.close());

const session = (token?: string) =>
  t.app.request(
    '/api/checkout/session',
    token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  );

async function expectRejected(res: Response, code: string) {
  expect(res.status).toBe(401);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  expect((await res.json()).error.code).toBe(code);
}

describe('checkout extension session tokens', () => {
  test('CORS preflight is answered like Shopify’s helpers, without a token', async () => {
    const res = await t.app.request('/api/checkout/events', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://extensions.shopifycdn.com',
        'Access-Control-Request-Method': 'POST',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  test('a valid token resolves the shop from dest', async () => {
    const res = await session(await t.checkoutToken(SHOP_A));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ shop: SHOP_A });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('missing token', async () => expectRejected(await session(), 'missing_session_token'));
  test('malformed token', async () =>
    expectRejected(await session('abc.def'), 'invalid_session_token'));
  test('expired token', async () =>
    expectRejected(
      await session(await t.checkoutToken(SHOP_A, { expiresIn: -30 })),
      'invalid_session_token',
    ));
  test('not-yet-valid token', async () =>
    expectRejected(
      await session(await t.checkoutToken(SHOP_A, { notBefore: 120, expiresIn: 300 })),
      'invalid_session_token',
    ));
  test('wrong audience', async () =>
    expectRejected(
      await session(await t.checkoutToken(SHOP_A, { claims: { aud: 'other-app' } })),
      'invalid_session_token',
    ));
  test('wrong signature', async () =>
    expectRejected(
      await session(await t.checkoutToken(SHOP_A, { secret: 'q'.repeat(40) })),
      'invalid_session_token',
    ));
  test('dest that is not a shop', async () =>
    expectRejected(
      await session(await t.checkoutToken(SHOP_A, { claims: { dest: 'example.com' } })),
      'invalid_session_token',
    ));
  test('a shop that has not installed the app', async () =>
    expectRejected(await session(await t.checkoutToken(SHOP_B)), 'shop_not_installed'));
});

describe('checkout session-token lifetime and algorithm (crafted with the real secret)', () => {
  const crafted = (times: Record<string, unknown>, alg?: CraftedAlg) =>
    craftToken(t.secrets.apiSecret, { ...checkoutClaims(t.secrets.apiKey, SHOP_A), ...times }, alg);

  test('the crafted baseline, shaped like Shopify’s five-minute token, is accepted', async () => {
    const now = nowSeconds();
    expect((await session(await crafted({ iat: now, nbf: now, exp: now + 300 }))).status).toBe(200);
  });

  test('a token without exp is refused', async () =>
    expectRejected(await session(await crafted({ iat: nowSeconds() })), 'invalid_session_token'));

  test('a token that expires in 2100 is refused', async () =>
    expectRejected(
      await session(await crafted({ iat: nowSeconds(), exp: YEAR_2100 })),
      'invalid_session_token',
    ));

  test('a token that expires in 2100 and carries no iat is refused', async () =>
    expectRejected(await session(await crafted({ exp: YEAR_2100 })), 'invalid_session_token'));

  test('a token living ten minutes (twice what Shopify issues) is refused', async () => {
    const now = nowSeconds();
    await expectRejected(
      await session(await crafted({ iat: now, exp: now + 600 })),
      'invalid_session_token',
    );
  });

  test('a token issued an hour ago that is still unexpired is refused', async () => {
    const now = nowSeconds();
    await expectRejected(
      await session(await crafted({ iat: now - 3600, exp: now + 120 })),
      'invalid_session_token',
    );
  });

  test('alg none and algorithms other than HS256 are refused, even with the real secret', async () => {
    const now = nowSeconds();
    for (const alg of ['none', 'HS384', 'HS512'] as const) {
      await expectRejected(
        await session(await crafted({ iat: now, exp: now + 300 }, alg)),
        'invalid_session_token',
      );
    }
  });

  test('the checkout events endpoint refuses a never-expiring token too', async () => {
    const res = await t.app.request('/api/checkout/events', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await crafted({ iat: nowSeconds() })}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ events: [] }),
    });
    await expectRejected(res, 'invalid_session_token');
  });
});

describe('App Proxy signatures', () => {
  const proxyQuery = (overrides: Record<string, string> = {}) => ({
    shop: SHOP_A,
    path_prefix: '/apps/closer',
    timestamp: String(Math.floor(Date.now() / 1000)),
    logged_in_customer_id: '',
    ...overrides,
  });

  test('a correctly signed request is accepted and scoped to its shop', async () => {
    const query = signAppProxyQuery(t.secrets.apiSecret, proxyQuery());
    const res = await t.app.request(`/proxy/status?${query}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ shop: SHOP_A, installed: true });
  });

  test('a tampered query is refused', async () => {
    const query = signAppProxyQuery(t.secrets.apiSecret, proxyQuery());
    query.set('shop', SHOP_B);
    const res = await t.app.request(`/proxy/status?${query}`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_proxy_signature');
  });

  test('a missing signature is refused', async () => {
    const res = await t.app.request(`/proxy/status?${new URLSearchParams(proxyQuery())}`);
    expect(res.status).toBe(401);
  });

  test('a stale timestamp is refused even when signed', async () => {
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    const query = signAppProxyQuery(t.secrets.apiSecret, proxyQuery({ timestamp: stale }));
    expect((await t.app.request(`/proxy/status?${query}`)).status).toBe(401);
  });

  test('a signature made with another secret is refused', async () => {
    const query = signAppProxyQuery('not-the-secret', proxyQuery());
    expect((await t.app.request(`/proxy/status?${query}`)).status).toBe(401);
  });
});
