import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pixelEvents } from '../../drizzle/schema.js';
import type { JsonBody } from '../helpers/offers.js';
import { createTestApp, SHOP_A, SHOP_B, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
afterAll(() => t.close());

const completed = (checkoutToken: string) => ({
  id: randomUUID(),
  name: 'checkout_completed',
  checkoutToken,
  orderId: '123',
  value: 6400,
  currency: 'USD',
  at: Date.now(),
});

async function post(body: unknown, contentType = 'text/plain') {
  const res = await t.app.request('/api/pixel/events', {
    method: 'POST',
    headers: { 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as JsonBody,
    headers: res.headers,
  };
}

describe('POST /api/pixel/events (public)', () => {
  test('accepts a text/plain batch without auth and de-duplicates on event id', async () => {
    const event = completed('tok-1');
    const first = await post({ shop: SHOP_A, events: [event] });
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ accepted: 1, duplicates: 0 });
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect((await post({ shop: SHOP_A, events: [event] })).body).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    expect(
      await t.db.select().from(pixelEvents).where(eq(pixelEvents.checkoutToken, 'tok-1')),
    ).toHaveLength(1);
  });

  test('refuses a shop that has not installed the app', async () => {
    const res = await post({ shop: SHOP_B, events: [completed('tok-2')] });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('shop_not_installed');
  });

  test.each([
    ['malformed JSON', '{"shop":', 'malformed_json'],
    [
      'a non-Shopify shop',
      { shop: 'evil.example.com', events: [completed('x')] },
      'invalid_pixel_events',
    ],
    [
      'an unknown event name',
      { shop: SHOP_A, events: [{ ...completed('x'), name: 'page_viewed' }] },
      'invalid_pixel_events',
    ],
    [
      'PII fields',
      { shop: SHOP_A, events: [{ ...completed('x'), email: 'a@b.c' }] },
      'invalid_pixel_events',
    ],
  ])('refuses %s with a 400', async (_name, body, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  test('limits the rate per client with a 429 and Retry-After', async () => {
    let last = { status: 0, body: {} as JsonBody, headers: new Headers() };
    for (let i = 0; i < 125 && last.status !== 429; i++)
      last = await post({ shop: SHOP_A, events: [completed(`r-${i}`)] });
    expect(last.status).toBe(429);
    expect(last.body.error.code).toBe('rate_limited');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
