import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { WEBHOOK_HANDLERS } from '../../server/domain/webhooks/index.js';

const toml = readFileSync(new URL('../../shopify.app.toml', import.meta.url), 'utf8');

describe('shopify.app.toml', () => {
  test('subscribes every handled topic to its own route, and no topic without a handler', () => {
    const subscribed = [
      ...toml.matchAll(/topics = \["([a-z_/]+)"\]\s*\nuri = "\/webhooks\/([a-z_/]+)"/g),
    ].map((m) => [m[1], m[2]]);
    for (const [topic, route] of subscribed) expect(route).toBe(topic);
    expect(subscribed.map(([topic]) => topic).sort()).toEqual(Object.keys(WEBHOOK_HANDLERS).sort());
  });

  test('declares the three compliance topics as compliance subscriptions', () => {
    for (const topic of ['customers/data_request', 'customers/redact', 'shop/redact']) {
      expect(toml).toContain(`compliance_topics = ["${topic}"]`);
    }
  });

  test('pins the same Admin API version as the server', async () => {
    const { SHOPIFY_API_VERSION } = await import('../../server/shopify/shopify-api.js');
    expect(toml).toContain(`api_version = "${SHOPIFY_API_VERSION}"`);
  });
});
