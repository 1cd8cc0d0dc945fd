import { randomUUID } from 'node:crypto';
import {
  type AppSecrets,
  signAdminIdToken,
  signAppProxyQuery,
  signCheckoutSessionToken,
  webhookHeaders,
} from '../../server/demo/shopify-signatures.js';

/**
 * Talks to a running Closer server the way Shopify and the checkout extension do: admin calls
 * with a fresh App Bridge id token, events with a checkout session token, webhooks HMAC-signed.
 * Transient failures (network, 429, 5xx) are retried; every write is idempotent on the server
 * (event ids, webhook ids), so a retry never double-counts.
 */
export class SimulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'SimulatorHttpError';
  }
}

const MAX_ATTEMPTS = 4;
// Shopify session tokens live a minute; re-sign well before that, as the extension's cache does.
const CHECKOUT_TOKEN_TTL_MS = 30_000;

/** A coupon route's answer: the code for a treatment unit, null for the 404 everyone else gets. */
export type CouponCode = string | null;

// A coupon pool refills in the background (a 503 meanwhile): waited for longer than other calls.
const COUPON_ATTEMPTS = 10;

export interface ServerClient {
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  sendEvents(events: unknown[]): Promise<{ accepted: number; duplicates: number }>;
  sendWebhook(topic: string, payload: unknown): Promise<void>;
  /**
   * The storefront script's `GET /apps/closer/coupon` as Shopify's App Proxy forwards it: signed
   * query, the shopper's address first in X-Forwarded-For.
   */
  proxyCoupon(offerId: string, visitorId: string, shopperIp: string): Promise<CouponCode>;
  /** The Thank you block's `POST /api/checkout/coupons` with a checkout session token. */
  checkoutCoupon(offerId: string, customerId: string, shopperIp: string): Promise<CouponCode>;
}

export function createServerClient(
  baseUrl: string,
  app: AppSecrets & { shop: string },
): ServerClient {
  let checkoutToken: { value: Promise<string>; at: number } | null = null;
  const sessionToken = () => {
    if (!checkoutToken || Date.now() - checkoutToken.at > CHECKOUT_TOKEN_TTL_MS) {
      checkoutToken = { value: signCheckoutSessionToken(app, app.shop), at: Date.now() };
    }
    return checkoutToken.value;
  };

  return {
    async admin(method, path, body) {
      return send(`admin ${method} ${path}`, async () => ({
        url: `${baseUrl}/api/admin${path}`,
        init: {
          method,
          headers: {
            Authorization: `Bearer ${await signAdminIdToken(app, app.shop)}`,
            'Content-Type': 'application/json',
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
      }));
    },
    async sendEvents(events) {
      const body = JSON.stringify({ events });
      const answer = await send('POST /api/checkout/events', async () => ({
        url: `${baseUrl}/api/checkout/events`,
        init: {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${await sessionToken()}`,
            'Content-Type': 'application/json',
          },
          body,
        },
      }));
      return answer as { accepted: number; duplicates: number };
    },
    async sendWebhook(topic, payload) {
      const body = JSON.stringify(payload);
      // One webhook id for every attempt: that is how Shopify retries, and how the server dedupes.
      const ids = { webhookId: randomUUID(), eventId: randomUUID() };
      await send(`webhook ${topic}`, async () => ({
        url: `${baseUrl}/webhooks/${topic}`,
        init: {
          method: 'POST',
          headers: webhookHeaders(app.apiSecret, app.shop, topic, body, ids),
          body,
        },
      }));
    },
    async proxyCoupon(offerId, visitorId, shopperIp) {
      const answer = await send(
        'GET /proxy/coupon',
        async () => {
          // Signed afresh per attempt: the route refuses a signature older than 90 s.
          const query = signAppProxyQuery(app.apiSecret, {
            offer: offerId,
            vid: visitorId,
            shop: app.shop,
            logged_in_customer_id: '',
            path_prefix: '/apps/closer',
            timestamp: String(Math.floor(Date.now() / 1000)),
          });
          return {
            url: `${baseUrl}/proxy/coupon?${query}`,
            init: { headers: { 'X-Forwarded-For': shopperIp } },
          };
        },
        { notFoundIsAnswer: true, attempts: COUPON_ATTEMPTS },
      );
      return codeOf(answer);
    },
    async checkoutCoupon(offerId, customerId, shopperIp) {
      const body = JSON.stringify({ offerId, customerId: `gid://shopify/Customer/${customerId}` });
      const answer = await send(
        'POST /api/checkout/coupons',
        async () => ({
          url: `${baseUrl}/api/checkout/coupons`,
          init: {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${await sessionToken()}`,
              'Content-Type': 'application/json',
              // Counted only by a server told to trust it (TRUSTED_PROXY_HEADER=x-forwarded-for).
              'X-Forwarded-For': shopperIp,
            },
            body,
          },
        }),
        { notFoundIsAnswer: true, attempts: COUPON_ATTEMPTS },
      );
      return codeOf(answer);
    },
  };
}

function codeOf(answer: unknown): CouponCode {
  if (answer === NOT_FOUND) return null;
  const code = (answer as { code?: unknown } | null)?.code;
  if (typeof code !== 'string')
    throw new Error(`a coupon answer without a code: ${JSON.stringify(answer)}`);
  return code;
}

const NOT_FOUND = Symbol('not found');

async function send(
  what: string,
  build: () => Promise<{ url: string; init: RequestInit }>,
  options: { notFoundIsAnswer?: boolean; attempts?: number } = {},
): Promise<unknown> {
  const maxAttempts = options.attempts ?? MAX_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const { url, init } = await build();
    let status = 0;
    let body: unknown = null;
    try {
      const res = await fetch(url, init);
      status = res.status;
      body = parseJson(await res.text());
    } catch (error) {
      if (attempt >= maxAttempts) throw error;
    }
    if (status >= 200 && status < 300) return body;
    if (status === 404 && options.notFoundIsAnswer) return NOT_FOUND;
    const transient = status === 0 || status === 429 || status >= 500;
    if (!transient || attempt >= maxAttempts) throw new SimulatorHttpError(status, body, what);
    await new Promise((done) => setTimeout(done, Math.min(2_000, 100 * 2 ** attempt)));
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
