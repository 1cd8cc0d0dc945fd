import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signAppProxyQuery } from '../../server/demo/shopify-signatures.js';
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
