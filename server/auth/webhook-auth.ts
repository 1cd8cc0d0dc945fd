import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../app-context.js';
import type { WebhookDelivery } from '../domain/webhooks/types.js';
import { ApiError } from '../http/errors.js';
import { isShopDomain } from './shop-domain.js';

export type VerifiedWebhook = WebhookDelivery;

/*
 * The headers Shopify sends with an HTTP webhook, and the one an EventBridge/"events" delivery
 * carries instead of the HMAC header (@shopify/shopify-api 15, lib/webhooks/types).
 */
const HMAC = 'x-shopify-hmac-sha256';
const EVENTS_HMAC = 'shopify-hmac-sha256';
const REQUIRED = {
  topic: 'x-shopify-topic',
  domain: 'x-shopify-shop-domain',
  apiVersion: 'x-shopify-api-version',
  webhookId: 'x-shopify-webhook-id',
} as const;
const EVENT_ID = 'x-shopify-event-id';

/**
 * Verifies `X-Shopify-Hmac-Sha256` over the raw body, as `shopify.webhooks.validate` does (same
 * headers, same outcomes) but directly: one HMAC-SHA256 of the body's bytes with the app secret,
 * compared in constant time, and each header read once from the request. The library also turns
 * the request into its own header object twice and scans every header on each lookup, which
 * showed in the webhook profile. A missing body or HMAC, or a wrong HMAC, is a 401; a signed
 * delivery missing Shopify's headers, of another delivery type, or with the wrong topic for its
 * route is a 400.
 */
export async function verifyWebhook(
  ctx: AppContext,
  request: Request,
  expectedTopic: string,
): Promise<VerifiedWebhook> {
  const body = Buffer.from(await request.arrayBuffer());
  const headers = request.headers;
  // The library takes a delivery carrying the events HMAC header for an events delivery.
  const isEvents = Boolean(headers.get(EVENTS_HMAC));
  const hmac = headers.get(isEvents ? EVENTS_HMAC : HMAC);
  if (body.length === 0 || !hmac || !hmacMatches(ctx.shopify.config.apiSecretKey, body, hmac)) {
    throw new ApiError(
      401,
      'invalid_webhook_hmac',
      'The webhook HMAC is missing or does not match the body.',
    );
  }
  if (isEvents) {
    throw new ApiError(
      400,
      'unsupported_webhook_type',
      'Only HTTP webhook deliveries are accepted here.',
    );
  }
  const topic = headers.get(REQUIRED.topic);
  const domain = headers.get(REQUIRED.domain);
  const webhookId = headers.get(REQUIRED.webhookId);
  if (!topic || !domain || !webhookId || !headers.get(REQUIRED.apiVersion)) {
    throw new ApiError(
      400,
      'missing_webhook_headers',
      'The webhook is missing required Shopify headers.',
    );
  }
  // Topics compare in the library's storage form (ORDERS_CREATE), which ignores case and / or .
  const sent = storageForm(topic);
  if (sent !== storageForm(expectedTopic)) {
    throw new ApiError(400, 'topic_mismatch', `This route handles ${expectedTopic}, not ${sent}.`);
  }
  if (!isShopDomain(domain)) {
    throw new ApiError(
      400,
      'invalid_shop',
      'The webhook shop domain is not a myshopify.com domain.',
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ApiError(400, 'malformed_json', 'The webhook body is not valid JSON.');
  }
  return {
    shop: domain.toLowerCase(),
    topic: expectedTopic,
    webhookId,
    eventId: headers.get(EVENT_ID) || null,
    payload,
  };
}

/** Base64 HMAC-SHA256 of the body, compared with the header's value in constant time. */
function hmacMatches(secret: string, body: Buffer, received: string): boolean {
  const expected = Buffer.from(createHmac('sha256', keyOf(secret)).update(body).digest('base64'));
  const given = Buffer.from(received);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The secret as a key object, made once: a string key is turned into bytes and a key again on
 * every `createHmac`. The same bytes (the secret's UTF-8) either way, so the same HMAC.
 */
let key: { secret: string; object: KeyObject } | null = null;

function keyOf(secret: string): KeyObject {
  if (key?.secret !== secret)
    key = { secret, object: createSecretKey(Buffer.from(secret, 'utf8')) };
  return key.object;
}

function storageForm(topic: string): string {
  return topic.toUpperCase().replace(/[/.]/g, '_');
}
