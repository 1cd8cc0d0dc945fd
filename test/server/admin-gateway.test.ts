import { eq } from 'drizzle-orm';
import { HttpResponse, http } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { shopifySessions, shops } from '../../drizzle/schema.js';
import { DEMO_CATALOG } from '../../server/demo/catalog.js';
import { shopGidOf } from '../../server/demo/emulator/admin-graphql.js';
import { createAdminGateway, MetafieldWriteError } from '../../server/shopify/admin-gateway.js';
import { DEFAULT_SHOPIFY_CALL_POLICY } from '../../server/shopify/call-shopify.js';
import { loadOfflineSession } from '../../server/shopify/offline-session.js';
import {
  isAccessTokenRefused,
  ShopifyBugError,
  ShopifyRefusedError,
  ShopifyThrottledError,
  ShopifyUnavailableError,
} from '../../server/shopify/upstream-errors.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

/**
 * Fault injection for every Admin GraphQL call the gateway makes, and for the OAuth calls of
 * install: msw answers in front of the emulator with 429s, THROTTLED, 5xx, network errors and
 * stalls. Sleeps are recorded instead of waited, and a stalled request fires its attempt's
 * timeout as soon as it arrives, so the real retry loop runs in milliseconds and no healthy
 * attempt can time out on a slow machine.
 */
let t: TestApp;
let sleeps: number[];
const pendingTimeouts = new Set<() => void>();

function timeOutStalledAttempt() {
  for (const fire of [...pendingTimeouts]) fire();
}

async function stallUntilAbort(request: Request) {
  await new Promise((resolve) => {
    request.signal.addEventListener('abort', resolve);
    // Far longer than any test may take: only the client's timeout should end this.
    setTimeout(resolve, 3_000);
    timeOutStalledAttempt();
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
beforeEach(() => {
  sleeps = [];
  pendingTimeouts.clear();
  t.ctx.shopifyCalls = {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
    startTimeout: (_ms, fire) => {
      pendingTimeouts.add(fire);
      return () => pendingTimeouts.delete(fire);
    },
  };
  t.logLines.length = 0;
});
afterEach(() => t.network.resetHandlers());
afterAll(() => t.close());

type Fault = 'http429' | 'throttled' | 'http503' | 'http500' | 'network' | 'stall';

const THROTTLED_BODY = {
  errors: [
    {
      message: 'Throttled',
      extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/limits' },
    },
  ],
  extensions: {
    cost: {
      requestedQueryCost: 52,
      actualQueryCost: null,
      // 50 points missing at 50 points/s: the bucket can take the query in one second.
      throttleStatus: { maximumAvailable: 100, currentlyAvailable: 2, restoreRate: 50 },
    },
  },
};

async function answerFault(fault: Fault, request: Request): Promise<Response> {
  switch (fault) {
    case 'http429':
      return new HttpResponse('Too Many Requests', {
        status: 429,
        headers: { 'Retry-After': '2.0' },
      });
    case 'throttled':
      return HttpResponse.json(THROTTLED_BODY);
    case 'http503':
      return new HttpResponse('<html>Service Unavailable</html>', { status: 503 });
    case 'http500':
      return HttpResponse.json({ errors: 'Internal error' }, { status: 500 });
    case 'network':
      return HttpResponse.error();
    case 'stall':
      await stallUntilAbort(request);
      return HttpResponse.json({ errors: 'too late' }, { status: 504 });
  }
}

/** The first `times` requests for `operation` get `fault`; later ones reach the emulator. */
function failGraphql(operation: string, fault: Fault, times = Number.POSITIVE_INFINITY) {
  const seen = { count: 0 };
  t.network.use(
    http.post('https://:shop/admin/api/:version/graphql.json', async ({ request }) => {
      const body = (await request.clone().json()) as { query?: string };
      if (!new RegExp(`(query|mutation) ${operation}\\b`).test(body.query ?? '')) return undefined;
      seen.count += 1;
      if (seen.count > times) return undefined;
      return answerFault(fault, request);
    }),
  );
  return seen;
}

function failOAuth(answer: (request: Request) => Promise<Response> | Response, times = Infinity) {
  const seen = { count: 0 };
  t.network.use(
    http.post('https://:shop/admin/oauth/access_token', async ({ request }) => {
      seen.count += 1;
      if (seen.count > times) return undefined;
      return answer(request);
    }),
  );
  return seen;
}

async function gateway(shop = SHOP_A) {
  const session = await loadOfflineSession(t.ctx, shop);
  if (!session) throw new Error('test setup: shop not installed');
  return { gateway: createAdminGateway(t.ctx, session), session };
}

const VARIANT_ID = DEMO_CATALOG[0]?.variants[0]?.id ?? '';

/** Every Admin GraphQL call the gateway exposes, with a check that its answer came through. */
const OPERATIONS = [
  {
    operation: 'CloserShopInfo',
    run: async () => expect((await (await gateway()).gateway.fetchShopInfo()).name).toBe('Shop A'),
  },
  {
    operation: 'CloserProductSearch',
    run: async () =>
      expect((await (await gateway()).gateway.searchProducts('', 3)).length).toBeGreaterThan(0),
  },
  {
    operation: 'CloserVariants',
    run: async () =>
      expect((await (await gateway()).gateway.fetchVariants([VARIANT_ID]))[0]?.variantId).toBe(
        VARIANT_ID,
      ),
  },
  {
    operation: 'CloserMetafieldsSet',
    run: async () => {
      await (await gateway()).gateway.setAppMetafield(shopGidOf(SHOP_A), 'probe', '{"ok":true}');
      expect(t.emulator.state(SHOP_A).metafields.get('$app.probe')?.value).toBe('{"ok":true}');
    },
  },
  {
    operation: 'CloserWebPixelCreate',
    run: async () => {
      // The emulator answers TAKEN once a pixel exists; start from none to see this one land.
      t.emulator.state(SHOP_A).webPixelSettings = null;
      await (await gateway()).gateway.activateWebPixel('https://closer.test/pixel');
      expect(t.emulator.state(SHOP_A).webPixelSettings).toContain('closer.test/pixel');
    },
  },
] as const;

const RETRYABLE: {
  fault: Fault;
  errorClass: typeof ShopifyThrottledError | typeof ShopifyUnavailableError;
}[] = [
  { fault: 'http429', errorClass: ShopifyThrottledError },
  { fault: 'throttled', errorClass: ShopifyThrottledError },
  { fault: 'http503', errorClass: ShopifyUnavailableError },
  { fault: 'http500', errorClass: ShopifyUnavailableError },
  { fault: 'network', errorClass: ShopifyUnavailableError },
  { fault: 'stall', errorClass: ShopifyUnavailableError },
];

describe('every Admin GraphQL call survives transient faults', () => {
  for (const { operation, run } of OPERATIONS) {
    for (const { fault } of RETRYABLE) {
      test(`${operation}: two ${fault} answers, then success`, async () => {
        const seen = failGraphql(operation, fault, 2);
        await run();
        expect(seen.count).toBe(3);
        expect(sleeps).toHaveLength(2);
      });
    }
  }
});

describe('every Admin GraphQL call gives up after bounded attempts, classified', () => {
  for (const { operation, run } of OPERATIONS) {
    for (const { fault, errorClass } of RETRYABLE) {
      test(`${operation}: ${fault} every time → ${errorClass.name} after 4 attempts`, async () => {
        const seen = failGraphql(operation, fault);
        const error = await run().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(errorClass);
        expect(seen.count).toBe(4);
        expect(sleeps).toHaveLength(3);
        const failed = t.logLines
          .map((l) => JSON.parse(l))
          .find((l) => l.msg === 'shopify call failed');
        expect(failed).toMatchObject({ operation, errorClass: errorClass.name, attempt: 4 });
      });
    }
  }
});

describe('waits', () => {
  test('backoff doubles from the base delay, with full jitter below the ceiling', async () => {
    failGraphql('CloserShopInfo', 'http503');
    await (await gateway()).gateway.fetchShopInfo().catch(() => undefined);
    // random() = 1 → the ceiling itself: 250, 500, 1000 ms.
    expect(sleeps).toEqual([250, 500, 1000]);
    t.ctx.shopifyCalls = { ...t.ctx.shopifyCalls, random: () => 0.5 };
    sleeps.length = 0;
    await (await gateway()).gateway.fetchShopInfo().catch(() => undefined);
    expect(sleeps).toEqual([125, 250, 500]);
  });

  test('a 429 waits at least its Retry-After', async () => {
    failGraphql('CloserVariants', 'http429', 1);
    await (await gateway()).gateway.fetchVariants([VARIANT_ID]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(sleeps[0]).toBeLessThanOrEqual(2000 + 250);
  });

  test('THROTTLED waits until the restore rate refills the requested cost', async () => {
    failGraphql('CloserProductSearch', 'throttled', 1);
    await (await gateway()).gateway.searchProducts('', 2);
    // (52 requested − 2 available) / 50 per second = 1 s, plus up to one base delay of jitter.
    expect(sleeps[0]).toBeGreaterThanOrEqual(1000);
    expect(sleeps[0]).toBeLessThanOrEqual(1250);
  });

  test('a Retry-After longer than the call may wait ends the call at once, carrying the hint', async () => {
    t.network.use(
      http.post(
        'https://:shop/admin/api/:version/graphql.json',
        () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } }),
      ),
    );
    const error = await (await gateway()).gateway.fetchShopInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyThrottledError);
    expect((error as ShopifyThrottledError).retryAfterMs).toBe(30_000);
    expect(sleeps).toEqual([]);
  });

  test('a stalled Shopify is abandoned within the time budget', async () => {
    // The wall clock this time: the call's 150 ms budget must end a stall longer than that.
    t.ctx.shopifyCalls = {
      ...t.ctx.shopifyCalls,
      startTimeout: DEFAULT_SHOPIFY_CALL_POLICY.startTimeout,
      attemptTimeoutMs: 5_000,
      deadlineMs: 150,
    };
    failGraphql('CloserShopInfo', 'stall');
    const started = Date.now();
    const error = await (await gateway()).gateway.fetchShopInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyUnavailableError);
    // The deadline, not the 3 s stall nor the 5 s attempt timeout, ended it.
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('failures a retry cannot fix are not retried', () => {
  test('user errors from metafieldsSet are a refusal, sent once', async () => {
    let calls = 0;
    t.network.events.on('request:start', () => {
      calls += 1;
    });
    const error = await (await gateway()).gateway
      .setAppMetafield('gid://shopify/Shop/1', 'probe', '{}')
      .catch((e: unknown) => e);
    t.network.events.removeAllListeners();
    expect(error).toBeInstanceOf(MetafieldWriteError);
    expect(error).toBeInstanceOf(ShopifyRefusedError);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test.each([400, 401, 403, 404])('HTTP %i is a refusal, sent once', async (status) => {
    let calls = 0;
    t.network.use(
      http.post('https://:shop/admin/api/:version/graphql.json', () => {
        calls += 1;
        return HttpResponse.json({ errors: 'nope' }, { status });
      }),
    );
    const error = await (await gateway()).gateway.fetchVariants([VARIANT_ID]).catch((e) => e);
    expect(error).toBeInstanceOf(ShopifyRefusedError);
    expect((error as ShopifyRefusedError).status).toBe(status);
    expect(isAccessTokenRefused(error)).toBe(status === 401);
    expect(calls).toBe(1);
  });

  test('a GraphQL error other than THROTTLED is our bug, sent once', async () => {
    let calls = 0;
    t.network.use(
      http.post('https://:shop/admin/api/:version/graphql.json', () => {
        calls += 1;
        return HttpResponse.json({
          errors: [{ message: "Field 'x' doesn't exist", extensions: { code: 'undefinedField' } }],
        });
      }),
    );
    const error = await (await gateway()).gateway.searchProducts('', 1).catch((e) => e);
    expect(error).toBeInstanceOf(ShopifyBugError);
    expect(calls).toBe(1);
  });

  test('a webPixelCreate refusal other than TAKEN is a refusal', async () => {
    t.network.use(
      http.post('https://:shop/admin/api/:version/graphql.json', () =>
        HttpResponse.json({
          data: {
            webPixelCreate: {
              webPixel: null,
              userErrors: [{ field: ['settings'], message: 'Invalid settings', code: 'INVALID' }],
            },
          },
        }),
      ),
    );
    const error = await (await gateway()).gateway.activateWebPixel('x').catch((e) => e);
    expect(error).toBeInstanceOf(ShopifyRefusedError);
  });
});

describe('logs', () => {
  test('failures are logged by class and kind, with no token', async () => {
    const { session } = await gateway();
    failGraphql('CloserShopInfo', 'network');
    await (await gateway()).gateway.fetchShopInfo().catch(() => undefined);
    const lines = t.logLines.map((l) => JSON.parse(l));
    const retries = lines.filter((l) => l.msg === 'shopify call retrying');
    expect(retries).toHaveLength(3);
    expect(retries[0]).toMatchObject({
      shop: SHOP_A,
      operation: 'CloserShopInfo',
      errorClass: 'ShopifyUnavailableError',
      failure: 'unavailable',
    });
    expect(lines.some((l) => l.errorClass === 'Error')).toBe(false);
    expect(t.logLines.join('\n')).not.toContain(session.accessToken);
  });
});

const authed = async (path: string) =>
  t.app.request(path, { headers: { Authorization: `Bearer ${await t.idToken(SHOP_A)}` } });

describe('what the merchant gets', () => {
  test('throttling that outlasts the retries answers 503 with Retry-After', async () => {
    failGraphql('CloserProductSearch', 'throttled');
    const res = await authed('/api/admin/products?query=tote');
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect((await res.json()).error.code).toBe('shopify_throttled');
    const line = t.logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'upstream failure');
    expect(line).toMatchObject({ errorClass: 'ShopifyThrottledError', failure: 'throttled' });
  });

  test('Shopify’s own Retry-After reaches the merchant', async () => {
    t.network.use(
      http.post(
        'https://:shop/admin/api/:version/graphql.json',
        () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '30' } }),
      ),
    );
    const res = await authed('/api/admin/products');
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('30');
  });

  test('an outage answers 503 shopify_unavailable with a generic message', async () => {
    failGraphql('CloserProductSearch', 'http503');
    const res = await authed('/api/admin/products');
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('5');
    const body = await res.json();
    expect(body.error.code).toBe('shopify_unavailable');
    expect(body.error.message).not.toContain('Service Unavailable');
  });

  test('a stall answers 503 after the timeout instead of holding the request', async () => {
    failGraphql('CloserProductSearch', 'stall');
    const res = await authed('/api/admin/products');
    expect(res.status).toBe(503);
  });

  test('a transient fault is invisible: two 503s then 200', async () => {
    failGraphql('CloserProductSearch', 'http503', 2);
    const res = await authed('/api/admin/products?query=tote');
    expect(res.status).toBe(200);
    expect((await res.json()).products.length).toBeGreaterThan(0);
  });
});

describe('refreshing an expired offline token', () => {
  async function expireA() {
    await t.db
      .update(shopifySessions)
      .set({ expires: new Date(Date.now() - 1000).toISOString() })
      .where(eq(shopifySessions.shop, SHOP_A));
  }
  /** Faults only the refresh grant; token exchange passes through to the emulator. */
  function failRefresh(answer: () => Response, times = Number.POSITIVE_INFINITY) {
    const seen = { count: 0 };
    t.network.use(
      http.post('https://:shop/admin/oauth/access_token', async ({ request }) => {
        const body = (await request.clone().json()) as { grant_type?: string };
        if (body.grant_type !== 'refresh_token') return undefined;
        seen.count += 1;
        return seen.count > times ? undefined : answer();
      }),
    );
    return seen;
  }

  test('a throttled refresh is retried, not replaced by a token exchange', async () => {
    await expireA();
    const exchanges = t.emulator.calls.tokenExchange;
    const seen = failRefresh(() => new HttpResponse(null, { status: 429 }), 1);
    expect((await authed('/api/admin/products')).status).toBe(200);
    expect(seen.count).toBe(2);
    expect(t.emulator.calls.tokenExchange).toBe(exchanges);
  });

  test('a refused refresh token falls back to token exchange', async () => {
    await expireA();
    const exchanges = t.emulator.calls.tokenExchange;
    failRefresh(() => HttpResponse.json({ error: 'invalid_grant' }, { status: 400 }));
    expect((await authed('/api/admin/products')).status).toBe(200);
    expect(t.emulator.calls.tokenExchange).toBe(exchanges + 1);
  });
});

describe('install under a busy Shopify', () => {
  async function uninstallB() {
    await t.db.delete(shopifySessions).where(eq(shopifySessions.shop, SHOP_B));
    await t.db.delete(shops).where(eq(shops.shop, SHOP_B));
  }
  beforeEach(uninstallB);
  const installB = async () =>
    t.app.request('/api/admin/shop', {
      headers: { Authorization: `Bearer ${await t.idToken(SHOP_B)}` },
    });
  const tooMany = (body: string | null = JSON.stringify({ errors: 'Too many requests' })) =>
    new HttpResponse(body, {
      status: 429,
      headers: { 'Retry-After': '1', 'Content-Type': 'application/json' },
    });

  test('a 429 from token exchange is retried and the install succeeds', async () => {
    const seen = failOAuth(() => tooMany(), 2);
    const res = await installB();
    expect(res.status).toBe(200);
    expect(seen.count).toBe(3);
    expect(sleeps.every((ms) => ms >= 1000)).toBe(true);
  });

  test('a 429 that outlasts the retries is a retryable 503, not token_exchange_failed', async () => {
    failOAuth(() => tooMany());
    const res = await installB();
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect((await res.json()).error.code).toBe('shopify_throttled');
    expect(
      await t.db.select().from(shopifySessions).where(eq(shopifySessions.shop, SHOP_B)),
    ).toEqual([]);
  });

  test('a 429 with a non-JSON body is still throttling', async () => {
    failOAuth(() => tooMany('<html>slow down</html>'));
    const res = await installB();
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('shopify_throttled');
  });

  test('a network error and a 502 page from the token endpoint are retried', async () => {
    let n = 0;
    failOAuth(() => {
      n += 1;
      return n === 1
        ? HttpResponse.error()
        : new HttpResponse('<html>bad gateway</html>', { status: 502 });
    }, 2);
    expect((await installB()).status).toBe(200);
  });

  test('a stalled token endpoint times out into a 503', async () => {
    failOAuth(async (request) => {
      await stallUntilAbort(request);
      return HttpResponse.json({ error: 'late' }, { status: 504 });
    });
    const started = Date.now();
    const res = await installB();
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('shopify_unavailable');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('a refused exchange is still a 401 the App Bridge retries, sent once', async () => {
    const seen = failOAuth(() =>
      HttpResponse.json({ error: 'invalid_subject_token' }, { status: 400 }),
    );
    const res = await installB();
    expect(res.status).toBe(401);
    expect(res.headers.get('X-Shopify-Retry-Invalid-Session-Request')).toBe('1');
    expect((await res.json()).error.code).toBe('token_exchange_failed');
    expect(seen.count).toBe(1);
  });

  test('shop info throttled during install is a 503 too', async () => {
    failGraphql('CloserShopInfo', 'throttled');
    const res = await installB();
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('shopify_throttled');
  });
});
