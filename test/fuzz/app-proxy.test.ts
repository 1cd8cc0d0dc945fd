import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signAppProxyQuery } from '../../server/demo/shopify-signatures.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import { check, fuzz, StoreWatch, send } from './harness.js';
import {
  encodeSegment,
  hostileBody,
  hostileHeaderValue,
  hostileSegment,
  hostileValue,
  shortHostileString,
} from './hostile-values.js';
import { FUZZ_RUNS } from './plan.js';

/**
 * The App Proxy (storefront requests signed by Shopify over their query) and every other path and
 * method a client can invent. Proxy requests are read-only: nothing is ever stored; a request
 * answers 200 exactly when Shopify signed it recently for a well-formed shop.
 */
let t: TestApp;
let watch: StoreWatch;
const NOT_INSTALLED = 'shop-c.myshopify.com';

beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  watch = new StoreWatch(t);
});
afterAll(() => t.close());

const runs: Record<string, number> = {};

const proxyRequest = fc.record({
  route: fc.constantFrom('status', 'status', 'coupon'),
  shop: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(SHOP_A, SHOP_B, NOT_INSTALLED) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'evil.example',
        'shop-a.myshopify.com.evil.example',
        '',
        '-a.myshopify.com',
      ),
    },
    { weight: 1, arbitrary: shortHostileString },
  ),
  timestamp: fc.constantFrom(
    'now',
    'now',
    'now',
    'recent',
    'stale',
    'future',
    'fraction',
    'text',
    'missing',
  ),
  signature: fc.constantFrom(
    'right',
    'right',
    'right',
    'other-secret',
    'missing',
    'uppercase',
    'truncated',
  ),
  customer: fc.option(fc.oneof(fc.stringMatching(/^[0-9]{1,12}$/), shortHostileString)),
  extra: fc.dictionary(
    fc.constantFrom('path_prefix', 'locale', 'utm_source', 'offer', 'vid'),
    fc.oneof(shortHostileString, fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/)),
    { maxKeys: 3 },
  ),
});

type ProxyRequest = typeof proxyRequest extends fc.Arbitrary<infer R> ? R : never;

function timestampOf(choice: ProxyRequest['timestamp']): string | undefined {
  const now = Math.floor(Date.now() / 1000);
  const values: Record<string, string | undefined> = {
    now: String(now),
    recent: String(now - 30),
    stale: String(now - 3_600),
    future: String(now + 3_600),
    fraction: `${now}.5`,
    text: 'yesterday',
    missing: undefined,
  };
  return values[choice];
}

/** Shopify signs a fresh request for a shop domain it hosts; only those may pass. */
function isSignedByShopify(input: ProxyRequest): boolean {
  return (
    input.signature === 'right' &&
    ['now', 'recent'].includes(input.timestamp) &&
    [SHOP_A, SHOP_B, NOT_INSTALLED].includes(input.shop)
  );
}

function queryFor(input: ProxyRequest): string {
  const params: Record<string, string> = { ...input.extra, shop: input.shop };
  const timestamp = timestampOf(input.timestamp);
  if (timestamp !== undefined) params.timestamp = timestamp;
  if (input.customer !== null) params.logged_in_customer_id = input.customer;
  const secret =
    input.signature === 'other-secret' ? `${t.secrets.apiSecret}x` : t.secrets.apiSecret;
  const signed = signAppProxyQuery(secret, params);
  const signature = signed.get('signature') ?? '';
  if (input.signature === 'missing') signed.delete('signature');
  if (input.signature === 'uppercase') signed.set('signature', signature.toUpperCase());
  if (input.signature === 'truncated') signed.set('signature', signature.slice(0, -2));
  return signed.toString();
}

/** Raw query strings: repeated single-value keys, broken encodings, hostile keys, signed anyway. */
const rawQuery = fc
  .tuple(
    fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('shop', 'timestamp', 'signature', '__proto__', 'hmac'),
          shortHostileString,
        ),
        fc.oneof(shortHostileString, fc.constantFrom('%', '%E0%A4%A', '%00', '%ff')),
      ),
      { maxLength: 6 },
    ),
    fc.boolean(),
  )
  .map(([pairs, sign]) => {
    const encoded = pairs.map(
      ([k, v]) => `${encodeSegment(k)}=${v.startsWith('%') ? v : encodeSegment(v)}`,
    );
    if (sign) {
      // Shopify's documented scheme over whatever was sent: sorted key=value pairs, hex HMAC.
      const message = pairs
        .map(([k, v]) => `${k}=${v}`)
        .sort((a, b) => a.localeCompare(b))
        .join('');
      encoded.push(
        `signature=${createHmac('sha256', t.secrets.apiSecret).update(message).digest('hex')}`,
      );
    }
    return encoded.join('&');
  });

describe('App Proxy under hostile input', () => {
  test('GET /proxy/status and /proxy/coupon: a fresh Shopify signature over a shop domain passes, anything else is a 401; nothing is stored', async () => {
    runs.appProxy = await fuzz(
      'appProxy',
      fc.oneof(
        { weight: 3, arbitrary: proxyRequest.map((r) => ({ signed: r })) },
        { weight: 1, arbitrary: rawQuery.map((q) => ({ raw: q })) },
      ),
      async (input) => {
        const query = 'signed' in input ? queryFor(input.signed) : input.raw;
        const route = 'signed' in input ? input.signed.route : 'status';
        const what = `GET /proxy/${route}?${query.slice(0, 200)}`;
        const answer = await watch.read(what, () => send(t, `/proxy/${route}?${query}`));
        if (!('signed' in input)) return;
        if (!isSignedByShopify(input.signed)) {
          check(answer.status === 401, what, answer, 'an unsigned or stale request was not a 401');
          return;
        }
        // Past the signature the coupon route judges its own parameters (400, 404 or a code).
        check(answer.status !== 401, what, answer, 'a request Shopify signed was refused');
        if (route === 'coupon') return;
        check(answer.status === 200, what, answer, 'a status request Shopify signed was refused');
        const body = answer.json as { shop?: string; installed?: boolean };
        check(body.shop === input.signed.shop, what, answer, 'answered for another shop');
        check(
          body.installed === [SHOP_A, SHOP_B].includes(input.signed.shop),
          what,
          answer,
          'installed is wrong',
        );
      },
    );
  }, 300_000);
});

describe('paths and methods nobody documented', () => {
  test('any method on any path answers 2xx or 4xx with the error shape; a refusal stores nothing', async () => {
    const prefix = fc.constantFrom(
      '/api/admin',
      '/api/admin/offers',
      '/api/checkout',
      '/api/pixel',
      '/webhooks',
      '/webhooks/orders',
      '/proxy',
      '',
      '/health',
      '/ready',
    );
    const request = fc.record({
      method: fc.constantFrom(
        'GET',
        'POST',
        'PUT',
        'PATCH',
        'DELETE',
        'OPTIONS',
        'HEAD',
        'PROPFIND',
        'TRACE_',
      ),
      path: fc
        .tuple(prefix, fc.array(hostileSegment, { maxLength: 3 }))
        .map(([p, segments]) => [p, ...segments].join('/')),
      auth: fc.constantFrom('none', 'admin', 'checkout', 'garbage'),
      garbage: hostileHeaderValue,
      body: fc.option(hostileBody(hostileValue)),
    });
    runs.unknownRoutes = await fuzz('unknownRoutes', request, async (r) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (r.auth === 'admin') headers.Authorization = `Bearer ${await t.idToken(SHOP_A)}`;
      if (r.auth === 'checkout') headers.Authorization = `Bearer ${await t.checkoutToken(SHOP_A)}`;
      if (r.auth === 'garbage' && r.garbage) headers.Authorization = r.garbage;
      const withBody = r.body !== null && !['GET', 'HEAD'].includes(r.method);
      const path = r.path.startsWith('/') ? r.path : `/${r.path}`;
      const what = `${r.method} ${path.slice(0, 200)} (${r.auth})`;
      await watch.exchange(
        what,
        () =>
          send(t, path, {
            method: r.method,
            headers,
            ...(withBody ? { body: r.body as string } : {}),
          }),
        { bodyless: r.method === 'HEAD' },
      );
    });
  }, 300_000);

  test('every planned input ran', () => {
    expect(runs.appProxy).toBe(FUZZ_RUNS.appProxy);
    expect(runs.unknownRoutes).toBe(FUZZ_RUNS.unknownRoutes);
  });
});
