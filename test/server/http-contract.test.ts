import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app.js';
import { redactFields } from '../../server/logger.js';
import { createTestApp, SHOP_A, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.install(SHOP_A);
});
afterAll(() => t.close());

describe('HTTP contract', () => {
  test('/health answers without touching anything else', async () => {
    const res = await t.app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'demo' });
  });

  test('pages and admin answers carry the document security headers; ingestion answers only nosniff', async () => {
    const health = await t.app.request('/health');
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(health.headers.get('referrer-policy')).toBe('no-referrer');
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const events = await t.app.request('/api/checkout/events', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${await t.checkoutToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ events: [] }),
    });
    expect(events.status).toBe(400);
    expect(events.headers.get('x-content-type-options')).toBe('nosniff');
    expect(events.headers.get('access-control-allow-origin')).toBe('*');
    expect(events.headers.get('strict-transport-security')).toBeNull();
    expect(events.headers.get('referrer-policy')).toBeNull();
    // Methods and headers are the preflight's business.
    expect(events.headers.get('access-control-allow-methods')).toBeNull();
  });

  test('/ready checks the database', async () => {
    const res = await t.app.request('/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  test('an unknown route gets the error shape with a request id', async () => {
    const res = await t.app.request('/nope');
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('not_found');
    expect(body.error.requestId).toBe(res.headers.get('x-request-id'));
  });

  test('malformed JSON is a 400 with code malformed_json', async () => {
    const res = await t.app.request('/api/admin/settings', {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${await t.idToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: '{"defaultHoldout":',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('malformed_json');
  });

  test('an oversized body is a 413', async () => {
    const res = await t.app.request('/api/admin/settings', {
      method: 'PATCH',
      headers: {
        Authorization: `Bearer ${await t.idToken(SHOP_A)}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  test('a 500 is generic and does not echo internals', async () => {
    const app = createApp(t.ctx, [
      (routes) =>
        routes.get('/boom-for-test', () => {
          throw new Error('secret detail: token=abc');
        }),
    ]);
    const res = await app.request('/boom-for-test');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret detail');
    expect(JSON.parse(text).error.code).toBe('internal_error');
    expect(t.logLines.join('\n')).not.toContain('token=abc');
  });
});

describe('log redaction', () => {
  test('credentials and shopper PII are replaced, other fields kept', () => {
    expect(
      redactFields({
        shop: 'a.myshopify.com',
        accessToken: 'shpat_x',
        headers: { Authorization: 'Bearer y', 'x-shopify-hmac-sha256': 'z' },
        customer: { email: 'e@x.com' },
        email: 'e@x.com',
        count: 3,
      }),
    ).toEqual({
      shop: 'a.myshopify.com',
      accessToken: '[redacted]',
      headers: { Authorization: '[redacted]', 'x-shopify-hmac-sha256': '[redacted]' },
      customer: '[redacted]',
      email: '[redacted]',
      count: 3,
    });
  });
});
