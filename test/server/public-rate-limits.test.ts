import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.js';
import type { AppContext } from '../../server/app-context.js';
import { DEFAULT_RATE_LIMITS, type RateLimitPolicy } from '../../server/http/rate-limit.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

/*
 * Rate limits on the public endpoints: per client (the socket address, or the address a
 * configured trusted proxy header names) and per shop, with 429 `rate_limited` + Retry-After.
 * Policies are injected small so the tests stay short; one test runs the default policy.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
});
afterAll(() => t.close());

const MINUTE = 60_000;

/** The same wired context as the test app, with its own limiters and settings. */
function appWith(overrides: Partial<AppContext>, rateLimits: Partial<RateLimitPolicy>) {
  return createApp({ ...t.ctx, ...overrides, rateLimits });
}

function pixel(app: ReturnType<typeof createApp>, shop: string, client?: string) {
  return app.request('/api/pixel/events', {
    method: 'POST',
    headers: {
      'Content-Type': 'text/plain',
      ...(client ? { 'X-Forwarded-For': client } : {}),
    },
    body: JSON.stringify({
      shop,
      events: [
        {
          id: crypto.randomUUID(),
          name: 'checkout_completed',
          checkoutToken: 'tok',
          at: Date.now(),
        },
      ],
    }),
  });
}

async function checkout(
  app: ReturnType<typeof createApp>,
  options: { shop?: string; token?: string | null; client?: string },
) {
  const token =
    options.token === null ? undefined : (options.token ?? (await t.checkoutToken(options.shop!)));
  return app.request('/api/checkout/events', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(options.client ? { 'X-Forwarded-For': options.client } : {}),
    },
    // No events: validation answers 400, which is cheap and stores nothing.
    body: JSON.stringify({ events: [] }),
  });
}

async function expectLimited(res: Response) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = await res.json();
  expect(body.error.code).toBe('rate_limited');
  expect(body.error.requestId).toBeTruthy();
}

describe('/api/pixel/events', () => {
  test('behind a trusted proxy each shopper has their own budget, and a forged entry does not help', async () => {
    const app = appWith(
      { trustedProxyHeader: 'x-forwarded-for' },
      { pixelPerClient: { max: 2, windowMs: MINUTE } },
    );
    expect((await pixel(app, SHOP_A, '203.0.113.1')).status).toBe(202);
    expect((await pixel(app, SHOP_A, '203.0.113.1')).status).toBe(202);
    await expectLimited(await pixel(app, SHOP_A, '203.0.113.1'));
    // What the client wrote before the proxy's entry is ignored.
    await expectLimited(await pixel(app, SHOP_A, '198.51.100.99, 203.0.113.1'));
    // Another shopper behind the same proxy is not held back by the first.
    expect((await pixel(app, SHOP_A, '203.0.113.2')).status).toBe(202);
  });

  test('one shop’s budget is shared by all its clients and leaves other shops alone', async () => {
    const app = appWith(
      { trustedProxyHeader: 'x-forwarded-for' },
      { pixelPerShop: { max: 3, windowMs: MINUTE } },
    );
    for (let i = 0; i < 3; i++)
      expect((await pixel(app, SHOP_A, `203.0.113.${i}`)).status).toBe(202);
    const limited = await pixel(app, SHOP_A, '203.0.113.50');
    await expectLimited(limited);
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    expect((await pixel(app, SHOP_B, '203.0.113.51')).status).toBe(202);
  });
});

describe('/api/checkout/events', () => {
  test('the default policy stops one token flooding from one client', async () => {
    const app = appWith({}, {});
    const token = await t.checkoutToken(SHOP_A);
    const max = DEFAULT_RATE_LIMITS.checkoutPerClient.max;
    for (let i = 0; i < max; i++) {
      const res = await checkout(app, { token });
      expect(res.status).toBe(400);
    }
    await expectLimited(await checkout(app, { token }));
  });

  test('a client is limited before its token is checked: forged tokens count too', async () => {
    const app = appWith(
      { trustedProxyHeader: 'x-forwarded-for' },
      { checkoutPerClient: { max: 3, windowMs: MINUTE } },
    );
    for (let i = 0; i < 3; i++)
      expect((await checkout(app, { token: 'forged', client: '203.0.113.7' })).status).toBe(401);
    const limited = await checkout(app, { token: 'forged', client: '203.0.113.7' });
    await expectLimited(limited);
    // Readable by the extension (cross-origin), so it can honour Retry-After.
    expect(limited.headers.get('access-control-allow-origin')).toBe('*');
    expect((await checkout(app, { shop: SHOP_A, client: '203.0.113.8' })).status).toBe(400);
  });

  test('a shop is limited across clients; another shop is not', async () => {
    const app = appWith(
      { trustedProxyHeader: 'x-forwarded-for' },
      { checkoutPerShop: { max: 3, windowMs: MINUTE } },
    );
    for (let i = 0; i < 3; i++)
      expect((await checkout(app, { shop: SHOP_A, client: `203.0.113.${i}` })).status).toBe(400);
    await expectLimited(await checkout(app, { shop: SHOP_A, client: '203.0.113.60' }));
    expect((await checkout(app, { shop: SHOP_B, client: '203.0.113.61' })).status).toBe(400);
  });

  test('CORS preflights are not counted', async () => {
    const app = appWith({}, { checkoutPerClient: { max: 1, windowMs: MINUTE } });
    for (let i = 0; i < 3; i++) {
      const res = await app.request('/api/checkout/events', { method: 'OPTIONS' });
      expect(res.status).toBe(204);
    }
    expect((await checkout(app, { shop: SHOP_A })).status).toBe(400);
  });
});
