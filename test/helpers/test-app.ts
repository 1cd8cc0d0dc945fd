import { randomBytes } from 'node:crypto';
import { DrizzleSessionStorageSQLite } from '@shopify/shopify-app-session-storage-drizzle';
import { setupServer } from 'msw/node';
import { shopifySessions } from '../../drizzle/schema.js';
import { createApp } from '../../server/app.js';
import type { AppContext } from '../../server/app-context.js';
import { openDatabase } from '../../server/db/client.js';
import { createShopifyEmulator } from '../../server/demo/emulator/index.js';
import {
  type AppSecrets,
  signAdminIdToken,
  signCheckoutSessionToken,
  webhookHeaders,
} from '../../server/demo/shopify-signatures.js';
import { publisherFor } from '../../server/domain/publication.js';
import type { RateLimitPolicy } from '../../server/http/rate-limit.js';
import { createLogger } from '../../server/logger.js';
import { createShopifyApi } from '../../server/shopify/shopify-api.js';

export const SHOP_A = 'shop-a.myshopify.com';
export const SHOP_B = 'shop-b.myshopify.com';

export interface TestAppOptions {
  /** Overrides of the public endpoints' rate limits (e.g. a fuzzer sending thousands of batches). */
  rateLimits?: Partial<RateLimitPolicy>;
  /** A libSQL URL instead of `:memory:` (e.g. a file another connection can look at). */
  databaseUrl?: string;
  /** Overrides of ingestion's group commit (e.g. a schedule the test triggers). */
  groupCommit?: AppContext['groupCommit'];
}

/**
 * A fully wired app over an in-memory database, with Shopify emulated by msw (unhandled requests
 * are errors). Tokens and webhooks are signed for real, so the real verification code runs.
 */
export async function createTestApp(options: TestAppOptions = {}) {
  const secrets: AppSecrets = {
    apiKey: randomBytes(8).toString('hex'),
    apiSecret: randomBytes(24).toString('hex'),
  };
  const emulator = createShopifyEmulator({
    ...secrets,
    shops: [
      { shop: SHOP_A, name: 'Shop A', currencyCode: 'USD' },
      { shop: SHOP_B, name: 'Shop B', currencyCode: 'EUR' },
    ],
  });
  const network = setupServer(...emulator.handlers);
  network.listen({ onUnhandledFrame: 'error' });
  const logLines: string[] = [];
  const logger = createLogger('debug', (line) => logLines.push(line));
  const database = await openDatabase(options.databaseUrl ?? ':memory:');
  const ctx: AppContext = {
    mode: 'demo',
    logger,
    db: database.db,
    dbClient: database.client,
    shopify: createShopifyApi(
      { ...secrets, appUrl: 'https://closer.test', scopes: ['read_products'] },
      logger,
    ),
    sessionStorage: new DrizzleSessionStorageSQLite(database.db, shopifySessions),
    appUrl: 'https://closer.test',
    appBridgeScriptUrl: 'https://cdn.shopify.com/shopifycloud/app-bridge.js',
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    ...(options.groupCommit ? { groupCommit: options.groupCommit } : {}),
  };
  const app = createApp(ctx);

  return {
    app,
    ctx,
    db: database.db,
    emulator,
    /** The msw server standing in for Shopify; `network.use()` injects faults in front of it. */
    network,
    secrets,
    logLines,
    idToken: (shop: string, options?: Parameters<typeof signAdminIdToken>[2]) =>
      signAdminIdToken(secrets, shop, options),
    checkoutToken: (shop: string, options?: Parameters<typeof signCheckoutSessionToken>[2]) =>
      signCheckoutSessionToken(secrets, shop, options),
    /** Installs a shop the way Shopify does: the admin loads with an id token. */
    async install(shop: string) {
      const res = await app.request('/api/admin/shop', {
        headers: { Authorization: `Bearer ${await signAdminIdToken(secrets, shop)}` },
      });
      if (res.status !== 200) throw new Error(`install failed: ${res.status} ${await res.text()}`);
    },
    /** Delivers a signed webhook to its per-topic route. */
    deliver(
      topic: string,
      shop: string,
      payload: unknown,
      ids: { webhookId?: string; eventId?: string } = {},
    ) {
      const body = JSON.stringify(payload);
      return app.request(`/webhooks/${topic}`, {
        method: 'POST',
        headers: webhookHeaders(secrets.apiSecret, shop, topic, body, ids),
        body,
      });
    },
    close() {
      publisherFor(ctx).stop();
      network.close();
      database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
