import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';
import { check, fuzz, isSuccess, StoreWatch, send } from './harness.js';
import { hostileBody, hostileHeaderValue, shortHostileString } from './hostile-values.js';
import { FUZZ_RUNS } from './plan.js';

/**
 * Hostile batches to the web pixel's public endpoint (no token: the shop is named in the body).
 * Only an installed shop's batch is stored, each new event once; the rest stores nothing.
 */
let t: TestApp;
let watch: StoreWatch;
const NOT_INSTALLED = 'shop-c.myshopify.com';

beforeAll(async () => {
  t = await createTestApp({
    rateLimits: {
      pixelPerClient: { max: 1_000_000, windowMs: 60_000 },
      pixelPerShop: { max: 1_000_000, windowMs: 60_000 },
    },
  });
  await t.install(SHOP_A);
  await t.install(SHOP_B);
  watch = new StoreWatch(t);
});
afterAll(() => t.close());

// Free-text fields the pixel copies from the storefront: any string within the field's length.
const text = (max: number) =>
  fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{1,32}$/),
    shortHostileString.filter((s) => s.length >= 1 && s.length <= max),
  );

const pixelEvent = fc.record(
  {
    id: text(128),
    name: fc.constantFrom('checkout_completed', 'closer:offer_added'),
    checkoutToken: fc.option(text(128), { nil: null }),
    orderId: fc.option(text(64), { nil: null }),
    value: fc.option(fc.integer({ min: 0, max: 100_000_000 }), { nil: null }),
    currency: fc.option(fc.constantFrom('USD', 'EUR', 'JPY', '\u0000\u0000\u0000', '\uD800ab'), {
      nil: null,
    }),
    at: fc.integer({ min: 0, max: 2 ** 50 }),
  },
  { requiredKeys: ['id', 'name', 'checkoutToken', 'at'] },
);

const validBatch = fc.record({
  shop: fc.constantFrom(SHOP_A, SHOP_B, NOT_INSTALLED),
  events: fc.array(pixelEvent, { minLength: 1, maxLength: 5 }),
});

const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const runs: Record<string, number> = {};

describe('pixel events under hostile input', () => {
  test('POST /api/pixel/events: 202 only for an installed shop, each new event once; anything else stores nothing', async () => {
    const input = fc.record({
      batch: validBatch,
      hostile: fc.option(hostileBody(validBatch), { freq: 3 }),
      contentType: fc.oneof(fc.constantFrom('text/plain', 'application/json'), hostileHeaderValue),
    });
    runs.pixelEvents = await fuzz('pixelEvents', input, async ({ batch, hostile, contentType }) => {
      const body = hostile ?? JSON.stringify(batch);
      const what = `POST /api/pixel/events${hostile === null ? ` for ${batch.shop}` : ''}`;
      const headers: Record<string, string> = {};
      if (contentType) headers['Content-Type'] = contentType;
      const { answer, grew } = await watch.exchange(what, () =>
        send(t, '/api/pixel/events', { method: 'POST', headers, body }),
      );
      if (hostile === null) {
        // An id must come back from the store as sent (no NUL, no unpaired surrogate): it is the
        // key a replay is recognised by.
        const storable = batch.events.every(
          (e) => !e.id.includes('\u0000') && !UNPAIRED.test(e.id),
        );
        const installed = batch.shop !== NOT_INSTALLED;
        if (!storable) check(answer.status === 400, what, answer, 'an unstorable id was accepted');
        else
          check(
            installed ? answer.status === 202 : answer.status === 404,
            what,
            answer,
            installed ? 'a valid batch was refused' : 'a shop without the app was not a 404',
          );
      }
      if (!isSuccess(answer)) return;
      const parsed = JSON.parse(body) as { shop: string; events: unknown[] };
      check(parsed.shop !== NOT_INSTALLED, what, answer, 'stored for a shop without the app');
      const { accepted, duplicates } = answer.json as { accepted: number; duplicates: number };
      check(
        accepted + duplicates === parsed.events.length,
        what,
        answer,
        'every event is accepted or a duplicate',
      );
      check(grew('pixel_events') === accepted, what, answer, 'each accepted event is stored once');
      check(grew('orders') === 0, what, answer, 'a pixel batch created an order');
    });
  }, 300_000);

  test('every planned input ran', () => {
    expect(runs.pixelEvents).toBe(FUZZ_RUNS.pixelEvents);
  });
});
