import type { AppContext } from '../app-context.js';
import type { WebhookDelivery } from '../domain/webhooks/types.js';
import { ApiError } from '../http/errors.js';
import { isShopDomain } from './shop-domain.js';

export type VerifiedWebhook = WebhookDelivery;

/**
 * Verifies `X-Shopify-Hmac-Sha256` over the raw body with the library's validator. A missing or
 * wrong HMAC is a 401; a signed delivery with the wrong topic for its route is a 400.
 */
export async function verifyWebhook(
  ctx: AppContext,
  request: Request,
  expectedTopic: string,
): Promise<VerifiedWebhook> {
  const rawRequest = request.clone();
  const rawBody = await request.text();
  const check = await ctx.shopify.webhooks.validate({ rawBody, rawRequest });
  if (!check.valid) {
    if (
      check.reason === 'invalid_hmac' ||
      check.reason === 'missing_hmac' ||
      check.reason === 'missing_body'
    ) {
      throw new ApiError(
        401,
        'invalid_webhook_hmac',
        'The webhook HMAC is missing or does not match the body.',
      );
    }
    throw new ApiError(
      400,
      'missing_webhook_headers',
      'The webhook is missing required Shopify headers.',
    );
  }
  if (check.webhookType !== 'webhooks') {
    throw new ApiError(
      400,
      'unsupported_webhook_type',
      'Only HTTP webhook deliveries are accepted here.',
    );
  }
  // The library reports topics in storage form (ORDERS_CREATE); compare in that form.
  if (check.topic !== expectedTopic.toUpperCase().replace(/[/.]/g, '_')) {
    throw new ApiError(
      400,
      'topic_mismatch',
      `This route handles ${expectedTopic}, not ${check.topic}.`,
    );
  }
  if (!isShopDomain(check.domain)) {
    throw new ApiError(
      400,
      'invalid_shop',
      'The webhook shop domain is not a myshopify.com domain.',
    );
  }
  let payload: unknown;
  try {
    payload = JSON.parse(rawBody);
  } catch {
    throw new ApiError(400, 'malformed_json', 'The webhook body is not valid JSON.');
  }
  return {
    shop: check.domain.toLowerCase(),
    topic: expectedTopic,
    webhookId: check.webhookId,
    eventId: check.eventId ?? null,
    payload,
  };
}
