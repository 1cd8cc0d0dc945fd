import { randomUUID } from 'node:crypto';
import {
  type AppSecrets,
  signAdminIdToken,
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

export interface ServerClient {
  admin(method: string, path: string, body?: unknown): Promise<unknown>;
  sendEvents(events: unknown[]): Promise<{ accepted: number; duplicates: number }>;
  sendWebhook(topic: string, payload: unknown): Promise<void>;
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
  };
}

async function send(
  what: string,
  build: () => Promise<{ url: string; init: RequestInit }>,
): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const { url, init } = await build();
    let status = 0;
    let body: unknown = null;
    try {
      const res = await fetch(url, init);
      status = res.status;
      body = parseJson(await res.text());
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) throw error;
    }
    if (status >= 200 && status < 300) return body;
    const transient = status === 0 || status === 429 || status >= 500;
    if (!transient || attempt >= MAX_ATTEMPTS) throw new SimulatorHttpError(status, body, what);
    await new Promise((done) => setTimeout(done, 100 * 2 ** attempt));
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}
