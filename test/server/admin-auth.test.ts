import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shopifySessions, shops } from '../../drizzle/schema.js';
import {
  adminClaims,
  type CraftedAlg,
  craftToken,
  nowSeconds,
  YEAR_2100,
} from '../helpers/crafted-tokens.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const getShop = (token?: string) =>
  t.app.request('/api/admin/shop', token ? { headers: { Authorization: `Bearer ${token}` } } : {});

async function expectRejected(res: Response, code: string) {
  expect(res.status).toBe(401);
  expect(res.headers.get('X-Shopify-Retry-Invalid-Session-Request')).toBe('1');
  const body = await res.json();
  expect(body.error.code).toBe(code);
  expect(typeof body.error.requestId).toBe('string');
}

describe('admin API id-token authentication', () => {
  test('a request without a token is refused with the retry header', async () => {
    await expectRejected(await getShop(), 'missing_session_token');
  });

  test('a malformed token is refused', async () => {
    await expectRejected(await getShop('not-a-jwt'), 'invalid_session_token');
  });

  test('an expired token is refused', async () => {
    await expectRejected(
      await getShop(await t.idToken(SHOP_A, { expiresIn: -60 })),
      'invalid_session_token',
    );
  });

  test('a token that is not yet valid is refused', async () => {
    await expectRejected(
      await getShop(await t.idToken(SHOP_A, { notBefore: 120, expiresIn: 300 })),
      'invalid_session_token',
    );
  });

  test('a token for another app (audience) is refused', async () => {
    await expectRejected(
      await getShop(await t.idToken(SHOP_A, { claims: { aud: 'someone-else' } })),
      'invalid_session_token',
    );
  });

  test('a token signed with another secret is refused', async () => {
    await expectRejected(
      await getShop(await t.idToken(SHOP_A, { secret: 'x'.repeat(48) })),
      'invalid_session_token',
    );
  });

  test('a token whose issuer shop differs from its destination shop is refused', async () => {
    await expectRejected(
      await getShop(await t.idToken(SHOP_A, { claims: { iss: `https://${SHOP_B}/admin` } })),
      'shop_mismatch',
    );
  });

  test('a token without a shop destination is refused', async () => {
    await expectRejected(
      await getShop(await t.idToken(SHOP_A, { claims: { dest: 'https://evil.example.com' } })),
      'invalid_session_token',
    );
  });

  test('no rejected token reaches the log', async () => {
    const token = await t.idToken(SHOP_A, { secret: 'y'.repeat(48) });
    await getShop(token);
    expect(t.logLines.join('\n')).not.toContain(token);
  });

  test('a valid token installs the shop by token exchange and stores an expiring offline session', async () => {
    const before = t.emulator.calls.tokenExchange;
    const res = await getShop(await t.idToken(SHOP_A));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ shop: SHOP_A, name: 'Shop A', currency: 'USD' });
    expect(t.emulator.calls.tokenExchange).toBe(before + 1);
    const session = await t.db.query.shopifySessions.findFirst({
      where: eq(shopifySessions.shop, SHOP_A),
    });
    expect(session?.id).toBe(`offline_${SHOP_A}`);
    expect(session?.accessToken).toMatch(/^shpat_/);
    expect(session?.refreshToken).toMatch(/^shprt_/);
    expect(session?.expires).not.toBeNull();
    // Installing also activates the web pixel, pointed at this app's pixel endpoint.
    expect(JSON.parse(t.emulator.state(SHOP_A).webPixelSettings ?? '{}')).toEqual({
      endpoint: 'https://closer.test/api/pixel/events',
    });
  });

  test('later requests reuse the stored session without another exchange', async () => {
    await getShop(await t.idToken(SHOP_A));
    const before = t.emulator.calls.tokenExchange;
    const res = await getShop(await t.idToken(SHOP_A));
    expect(res.status).toBe(200);
    expect(t.emulator.calls.tokenExchange).toBe(before);
  });

  test('an expired offline access token is refreshed with its refresh token', async () => {
    await getShop(await t.idToken(SHOP_A));
    await t.db
      .update(shopifySessions)
      .set({ expires: new Date(Date.now() - 1000).toISOString() })
      .where(eq(shopifySessions.shop, SHOP_A));
    const refreshes = t.emulator.calls.refresh;
    const exchanges = t.emulator.calls.tokenExchange;
    expect((await getShop(await t.idToken(SHOP_A))).status).toBe(200);
    expect(t.emulator.calls.refresh).toBe(refreshes + 1);
    expect(t.emulator.calls.tokenExchange).toBe(exchanges);
    const session = await t.db.query.shopifySessions.findFirst({
      where: eq(shopifySessions.shop, SHOP_A),
    });
    expect(new Date(session?.expires ?? 0).getTime()).toBeGreaterThan(Date.now());
  });

  test('each shop gets its own session and shop row', async () => {
    expect((await getShop(await t.idToken(SHOP_B))).status).toBe(200);
    const rows = await t.db.select().from(shops);
    expect(rows.map((r) => r.shop).sort()).toEqual([SHOP_A, SHOP_B]);
    expect(rows.find((r) => r.shop === SHOP_B)?.currency).toBe('EUR');
  });

  test('settings are validated and scoped to the token’s shop', async () => {
    const bad = await t.app.request('/api/admin/settings', {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${await t.idToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ defaultHoldout: 0.9 }),
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe('invalid_settings');
    const ok = await t.app.request('/api/admin/settings', {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${await t.idToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ defaultHoldout: 0.2 }),
    });
    expect(ok.status).toBe(200);
    const a = await t.db.query.shops.findFirst({ where: eq(shops.shop, SHOP_A) });
    const b = await t.db.query.shops.findFirst({ where: eq(shops.shop, SHOP_B) });
    expect(a?.settings.defaultHoldout).toBe(0.2);
    expect(b?.settings.defaultHoldout).toBe(0.1);
  });
});

describe('admin id-token lifetime and algorithm (crafted with the real secret)', () => {
  const crafted = (times: Record<string, unknown>, alg?: CraftedAlg) =>
    craftToken(t.secrets.apiSecret, { ...adminClaims(t.secrets.apiKey, SHOP_A), ...times }, alg);

  test('the crafted baseline, shaped like Shopify’s one-minute token, is accepted', async () => {
    const now = nowSeconds();
    expect((await getShop(await crafted({ iat: now, nbf: now, exp: now + 60 }))).status).toBe(200);
  });

  test('a token without exp is refused', async () => {
    const now = nowSeconds();
    await expectRejected(
      await getShop(await crafted({ iat: now, nbf: now })),
      'invalid_session_token',
    );
  });

  test('a token without any time claim is refused', async () => {
    await expectRejected(await getShop(await crafted({})), 'invalid_session_token');
  });

  test('a token that expires in 2100 is refused', async () => {
    const now = nowSeconds();
    await expectRejected(
      await getShop(await crafted({ iat: now, nbf: now, exp: YEAR_2100 })),
      'invalid_session_token',
    );
  });

  test('a token expiring in five minutes (longer than an id token lives) is refused', async () => {
    const now = nowSeconds();
    await expectRejected(
      await getShop(await crafted({ iat: now, nbf: now, exp: now + 300 })),
      'invalid_session_token',
    );
  });

  test('a token issued a day ago that is still unexpired is refused', async () => {
    const now = nowSeconds();
    await expectRejected(
      await getShop(await crafted({ iat: now - 86_400, nbf: now - 86_400, exp: now + 30 })),
      'invalid_session_token',
    );
  });

  test('a token issued in the future is refused', async () => {
    const now = nowSeconds();
    await expectRejected(
      await getShop(await crafted({ iat: now + 3600, exp: now + 50 })),
      'invalid_session_token',
    );
  });

  test('a few seconds of clock skew are tolerated', async () => {
    const now = nowSeconds();
    const res = await getShop(await crafted({ iat: now + 5, nbf: now + 5, exp: now + 65 }));
    expect(res.status).toBe(200);
  });

  test('alg none and algorithms other than HS256 are refused, even with the real secret', async () => {
    const now = nowSeconds();
    for (const alg of ['none', 'HS384', 'HS512'] as const) {
      await expectRejected(
        await getShop(await crafted({ iat: now, nbf: now, exp: now + 60 }, alg)),
        'invalid_session_token',
      );
    }
  });

  test('the admin document bounces a token that never expires instead of serving the admin', async () => {
    const token = await crafted({ iat: nowSeconds() });
    const res = await t.app.request(`/app?shop=${SHOP_A}&id_token=${token}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/auth/session-token');
  });
});

describe('a shop the app is not installed on', () => {
  // The emulator knows shop-a and shop-b only; like Shopify for a shop it will not grant, its
  // token endpoint answers an error page (404, not JSON) to the exchange.
  const SHOP_C = 'shop-c.myshopify.com';

  test('its id token is refused with a retryable 401, not a 500, and nothing is stored', async () => {
    const res = await getShop(await t.idToken(SHOP_C));
    await expectRejected(res, 'token_exchange_failed');
    expect(await t.db.select().from(shops).where(eq(shops.shop, SHOP_C))).toHaveLength(0);
    expect(
      await t.db.select().from(shopifySessions).where(eq(shopifySessions.shop, SHOP_C)),
    ).toHaveLength(0);
  });

  test('its admin document bounces through App Bridge instead of failing', async () => {
    const res = await t.app.request(`/app?shop=${SHOP_C}&id_token=${await t.idToken(SHOP_C)}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/auth/session-token');
  });
});

describe('embedded admin document', () => {
  test('without an id token it bounces through App Bridge, keeping the original URL', async () => {
    const res = await t.app.request(`/app?shop=${SHOP_A}&host=abc`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '', 'https://closer.test');
    expect(location.pathname).toBe('/auth/session-token');
    expect(location.searchParams.get('shopify-reload')).toBe(`/app?shop=${SHOP_A}&host=abc`);
  });

  test('with a forged id token it bounces too', async () => {
    const forged = await t.idToken(SHOP_A, { secret: 'z'.repeat(48) });
    const res = await t.app.request(`/app?shop=${SHOP_A}&id_token=${forged}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).not.toContain(forged);
  });

  test('the bounce page loads App Bridge with the API key and may be framed by the admin only', async () => {
    const res = await t.app.request(`/auth/session-token?shop=${SHOP_A}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`content="${t.secrets.apiKey}"`);
    expect(html).toContain('https://cdn.shopify.com/shopifycloud/app-bridge.js');
    expect(res.headers.get('content-security-policy')).toBe(
      `frame-ancestors https://${SHOP_A} https://admin.shopify.com;`,
    );
  });

  test('with a valid id token it serves the admin with frame-ancestors for that shop', async () => {
    const res = await t.app.request(`/app?shop=${SHOP_A}&id_token=${await t.idToken(SHOP_A)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      `frame-ancestors https://${SHOP_A} https://admin.shopify.com;`,
    );
    expect(await res.text()).toContain('shopify-api-key');
  });
});

describe('a stored token Shopify no longer accepts', () => {
  test('is dropped with a retryable 401, and the retry exchanges a new one', async () => {
    await getShop(await t.idToken(SHOP_A));
    await t.db
      .update(shopifySessions)
      .set({ accessToken: 'shpat_1_0000000000000000000000000000000000000000' })
      .where(eq(shopifySessions.shop, SHOP_A));
    const call = async () =>
      t.app.request('/api/admin/products?query=tote', {
        headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` },
      });
    const refused = await call();
    await expectRejected(refused, 'shopify_token_refused');
    expect(
      await t.db.select().from(shopifySessions).where(eq(shopifySessions.shop, SHOP_A)),
    ).toHaveLength(0);
    const exchanges = t.emulator.calls.tokenExchange;
    const retried = await call();
    expect(retried.status).toBe(200);
    expect(t.emulator.calls.tokenExchange).toBe(exchanges + 1);
  });
});
