import { describe, expect, test } from 'vitest';
import type { AppContext } from '../../server/app-context.js';
import { verifyWebhook } from '../../server/auth/webhook-auth.js';
import { signWebhookBody, webhookHeaders } from '../../server/demo/shopify-signatures.js';
import { ApiError } from '../../server/http/errors.js';
import { createLogger } from '../../server/logger.js';
import { createShopifyApi } from '../../server/shopify/shopify-api.js';

/*
 * The direct HMAC check must answer exactly as @shopify/shopify-api's `webhooks.validate` does:
 * each crafted delivery goes through both, and the library's verdict is mapped the way the route
 * mapped it when it called the library.
 */
const SECRET = 'webhook-auth-test-secret';
const SHOP = 'shop-a.myshopify.com';
const shopify = createShopifyApi(
  { apiKey: 'key', apiSecret: SECRET, appUrl: 'https://closer.test', scopes: [] },
  createLogger('silent'),
);
const ctx = { shopify } as unknown as AppContext;

type Outcome =
  | { ok: true; shop: string; webhookId: string; eventId: string | null }
  | {
      ok: false;
      status: number;
      code: string;
    };

async function ours(
  topic: string,
  body: string,
  headers: Record<string, string>,
): Promise<Outcome> {
  try {
    const request = new Request('https://closer.test/webhooks/x', {
      method: 'POST',
      headers,
      body,
    });
    const verified = await verifyWebhook(ctx, request, topic);
    return {
      ok: true,
      shop: verified.shop,
      webhookId: verified.webhookId,
      eventId: verified.eventId,
    };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { ok: false, status: error.status, code: error.code };
  }
}

/** The library's verdict, mapped to statuses as the route did before the direct check. */
async function library(
  topic: string,
  body: string,
  headers: Record<string, string>,
): Promise<Outcome> {
  const rawRequest = new Request('https://closer.test/webhooks/x', {
    method: 'POST',
    headers,
    body,
  });
  const check = await shopify.webhooks.validate({ rawBody: body, rawRequest });
  if (!check.valid) {
    return ['invalid_hmac', 'missing_hmac', 'missing_body'].includes(check.reason)
      ? { ok: false, status: 401, code: 'invalid_webhook_hmac' }
      : { ok: false, status: 400, code: 'missing_webhook_headers' };
  }
  if (check.webhookType !== 'webhooks') {
    return { ok: false, status: 400, code: 'unsupported_webhook_type' };
  }
  if (check.topic !== topic.toUpperCase().replace(/[/.]/g, '_')) {
    return { ok: false, status: 400, code: 'topic_mismatch' };
  }
  return {
    ok: true,
    shop: check.domain.toLowerCase(),
    webhookId: check.webhookId,
    eventId: check.eventId ?? null,
  };
}

const body = JSON.stringify({ id: 1, note: 'café ☕' });
const signed = () =>
  webhookHeaders(SECRET, SHOP, 'orders/create', body, { webhookId: 'w-1', eventId: 'e-1' });
const without = (name: string) => {
  const headers = signed();
  delete headers[name];
  return headers;
};

const cases: [string, string, Record<string, string>][] = [
  ['a correctly signed delivery', body, signed()],
  ['a wrong HMAC', body, { ...signed(), 'x-shopify-hmac-sha256': signWebhookBody('other', body) }],
  [
    'an HMAC of another body',
    body,
    { ...signed(), 'x-shopify-hmac-sha256': signWebhookBody(SECRET, '{}') },
  ],
  [
    'a truncated HMAC',
    body,
    { ...signed(), 'x-shopify-hmac-sha256': signed()['x-shopify-hmac-sha256']!.slice(0, 20) },
  ],
  ['no HMAC header', body, without('x-shopify-hmac-sha256')],
  ['an empty body', '', webhookHeaders(SECRET, SHOP, 'orders/create', '')],
  ['no topic header', body, without('x-shopify-topic')],
  ['no shop header', body, without('x-shopify-shop-domain')],
  ['no API version header', body, without('x-shopify-api-version')],
  ['no webhook id header', body, without('x-shopify-webhook-id')],
  ['no event id header (optional)', body, without('x-shopify-event-id')],
  ['another topic, signed', body, { ...signed(), 'x-shopify-topic': 'refunds/create' }],
  ['the topic in upper case', body, { ...signed(), 'x-shopify-topic': 'ORDERS/CREATE' }],
  [
    'a shop domain in upper case',
    body,
    { ...signed(), 'x-shopify-shop-domain': 'SHOP-A.myshopify.com' },
  ],
  [
    'an events delivery (its own headers)',
    body,
    {
      'shopify-hmac-sha256': signWebhookBody(SECRET, body),
      'shopify-topic': 'orders/create',
      'shopify-shop-domain': SHOP,
      'shopify-api-version': '2026-10',
      'shopify-webhook-id': 'w-2',
    },
  ],
];

describe('webhook HMAC verification keeps the library’s semantics', () => {
  test.each(cases)('%s', async (_name, rawBody, headers) => {
    expect(await ours('orders/create', rawBody, headers)).toEqual(
      await library('orders/create', rawBody, headers),
    );
  });

  test('a correct delivery yields its shop, ids and parsed payload', async () => {
    const request = new Request('https://closer.test/webhooks/x', {
      method: 'POST',
      headers: signed(),
      body,
    });
    expect(await verifyWebhook(ctx, request, 'orders/create')).toEqual({
      shop: SHOP,
      topic: 'orders/create',
      webhookId: 'w-1',
      eventId: 'e-1',
      payload: { id: 1, note: 'café ☕' },
    });
  });
});
