import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import {
  authorizationFor,
  isAcceptable,
  type TokenContext,
  tokenShop,
  tokenSpec,
} from './forged-tokens.js';
import { check, fuzz, isSuccess, StoreWatch, send } from './harness.js';
import { FUZZ_RUNS } from './plan.js';

/**
 * Forged, expired, alg-none, wrong-audience and other-shop tokens against the two token-guarded
 * APIs. A token is accepted exactly when it is one Shopify could have issued for an installed
 * shop, and then only for the shop it names; every other credential is a 401 that stores nothing.
 */
let t: TestApp;
let watch: StoreWatch;
const NOT_INSTALLED = 'shop-c.myshopify.com';

beforeAll(async () => {
  t = await createTestApp({
    rateLimits: {
      checkoutPerClient: { max: 1_000_000, windowMs: 60_000 },
      checkoutPerShop: { max: 1_000_000, windowMs: 60_000 },
    },
  });
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  watch = new StoreWatch(t);
});
afterAll(() => t.close());

const runs: Record<string, number> = {};
const accepted: Record<string, number> = {};

function contextFor(kind: TokenContext['kind'], actingShop: string): TokenContext {
  return {
    kind,
    apiKey: t.secrets.apiKey,
    apiSecret: t.secrets.apiSecret,
    actingShop,
    otherInstalledShop: actingShop === SHOP_A ? SHOP_B : SHOP_A,
    notInstalledShop: NOT_INSTALLED,
  };
}

describe.each([
  ['admin', 'adminTokens', '/api/admin/shop'],
  ['checkout', 'checkoutTokens', '/api/checkout/session'],
] as const)('%s tokens', (kind, target, path) => {
  test(`${path} answers 200 for the named shop exactly when the token is one Shopify issues, else 401 storing nothing`, async () => {
    runs[target] = await fuzz(
      target,
      fc.record({ spec: tokenSpec, acting: fc.constantFrom(SHOP_A, SHOP_B) }),
      async ({ spec, acting }) => {
        const ctx = contextFor(kind, acting);
        const authorization = authorizationFor(spec, ctx);
        const what = `GET ${path} with ${JSON.stringify({ ...spec, junk: Object.keys(spec.junk) })}`;
        const answer = await watch.read(what, () =>
          send(
            t,
            path,
            authorization === null ? {} : { headers: { Authorization: authorization } },
          ),
        );
        if (isAcceptable(spec, ctx)) {
          accepted[target] = (accepted[target] ?? 0) + 1;
          check(answer.status === 200, what, answer, 'a token Shopify could issue was refused');
          const shop = (answer.json as { shop?: unknown }).shop;
          check(shop === tokenShop(spec, ctx), what, answer, 'the answer is for another shop');
        } else {
          check(answer.status === 401, what, answer, 'a token Shopify never issues was not a 401');
          check(!isSuccess(answer), what, answer, 'accepted');
        }
      },
    );
  }, 300_000);
});

test('every planned input ran, and both good and bad tokens were among them', () => {
  for (const target of ['adminTokens', 'checkoutTokens'] as const) {
    expect(runs[target]).toBe(FUZZ_RUNS[target]);
    expect(accepted[target]).toBeGreaterThan(FUZZ_RUNS[target] / 10);
    expect(FUZZ_RUNS[target] - (accepted[target] ?? 0)).toBeGreaterThan(FUZZ_RUNS[target] / 10);
  }
});
