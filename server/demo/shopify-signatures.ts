import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

/**
 * Signs tokens and payloads exactly as Shopify does, so the demo emulator, the traffic simulator
 * and the tests exercise the real verification code instead of bypassing it.
 */
export interface AppSecrets {
  apiKey: string;
  apiSecret: string;
}

export interface TokenOptions {
  /** Seconds from now; negative makes an already-expired token. */
  expiresIn?: number;
  /** Seconds from now before which the token is not valid. */
  notBefore?: number;
  claims?: Record<string, unknown>;
  /** Sign with another secret (to prove a forged token is refused). */
  secret?: string;
}

async function signHs256(payload: Record<string, unknown>, secret: string, options: TokenOptions) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...payload, ...options.claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setNotBefore(now + (options.notBefore ?? 0))
    .setExpirationTime(now + (options.expiresIn ?? 60))
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(options.secret ?? secret));
}

/** An App Bridge id token, as the embedded admin receives from `shopify.idToken()`. */
export function signAdminIdToken(app: AppSecrets, shop: string, options: TokenOptions = {}) {
  return signHs256(
    {
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: app.apiKey,
      sub: '1',
      sid: randomUUID(),
    },
    app.apiSecret,
    options,
  );
}

/** A checkout UI extension session token, as `shopify.sessionToken.get()` returns it. */
export function signCheckoutSessionToken(
  app: AppSecrets,
  shop: string,
  options: TokenOptions = {},
) {
  return signHs256({ dest: shop, aud: app.apiKey }, app.apiSecret, options);
}

/** The `X-Shopify-Hmac-Sha256` header value for a webhook body. */
export function signWebhookBody(apiSecret: string, rawBody: string): string {
  return createHmac('sha256', apiSecret).update(rawBody, 'utf8').digest('base64');
}

/** Headers Shopify sends with a webhook delivery. */
export function webhookHeaders(
  apiSecret: string,
  shop: string,
  topic: string,
  rawBody: string,
  ids: { webhookId?: string; eventId?: string; apiVersion?: string } = {},
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': shop,
    'x-shopify-api-version': ids.apiVersion ?? '2026-10',
    'x-shopify-webhook-id': ids.webhookId ?? randomUUID(),
    'x-shopify-event-id': ids.eventId ?? randomUUID(),
    'x-shopify-triggered-at': new Date().toISOString(),
    'x-shopify-hmac-sha256': signWebhookBody(apiSecret, rawBody),
  };
}

/** Adds the App Proxy `signature`: hex HMAC over the sorted `key=value` pairs, no separators. */
export function signAppProxyQuery(
  apiSecret: string,
  params: Record<string, string>,
): URLSearchParams {
  const message = Object.keys(params)
    .sort((a, b) => a.localeCompare(b))
    .map((key) => `${key}=${params[key]}`)
    .join('');
  const signature = createHmac('sha256', apiSecret).update(message).digest('hex');
  return new URLSearchParams({ ...params, signature });
}
