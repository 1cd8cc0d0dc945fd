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
} from '../../server/demo/shopify-signatures.js';
import { createLogger, type Logger } from '../../server/logger.js';
import { createShopifyApi } from '../../server/shopify/shopify-api.js';

export const BENCH_SHOP = 'bench-shop.myshopify.com';
const UNLIMITED = { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };

/**
 * The real app over a libSQL *file* database (as in production, WAL), with Shopify's token
 * exchange and Admin GraphQL emulated by msw exactly as test/helpers/test-app.ts does. Requests
 * go through `app.request`, so the figures exclude socket I/O but include every middleware,
 * auth check, validation and query the endpoint runs.
 */
export interface BenchAppOptions {
  /** The app credentials; the HTTP bench passes the same ones to every server process it starts. */
  secrets?: AppSecrets;
  /** Silent by default; the HTTP bench logs as production does (info, to stdout). */
  logger?: Logger;
  /**
   * Shopify's token exchange and Admin API emulated by msw (default). msw patches globals
   * (`Headers`, `fetch`) in the whole process, which a Shopify-mode server never has; the HTTP
   * bench turns it off in its load servers once the shop is installed: checkout events and
   * webhooks call no Shopify API, and one that tried would fail loudly.
   */
  emulateShopify?: boolean;
}

export function createBenchSecrets(): AppSecrets {
  return { apiKey: randomBytes(8).toString('hex'), apiSecret: randomBytes(24).toString('hex') };
}

export async function createBenchApp(databaseUrl: string, options: BenchAppOptions = {}) {
  const secrets = options.secrets ?? createBenchSecrets();
  let network: ReturnType<typeof setupServer> | null = null;
  if (options.emulateShopify !== false) {
    const emulator = createShopifyEmulator({
      ...secrets,
      shops: [{ shop: BENCH_SHOP, name: 'Bench Shop', currencyCode: 'USD' }],
    });
    network = setupServer(...emulator.handlers);
    network.listen({ onUnhandledFrame: 'error' });
  }
  const logger = options.logger ?? createLogger('silent');
  const database = await openDatabase(databaseUrl);
  const appUrl = 'https://closer.bench';
  const ctx: AppContext = {
    mode: 'demo',
    logger,
    db: database.db,
    dbClient: database.client,
    shopify: createShopifyApi({ ...secrets, appUrl, scopes: ['read_products'] }, logger),
    sessionStorage: new DrizzleSessionStorageSQLite(database.db, shopifySessions),
    appUrl,
    appBridgeScriptUrl: 'https://cdn.shopify.com/shopifycloud/app-bridge.js',
    // The ingestion bench is one client and one shop sending as fast as it can: it measures
    // ingestion, not the public endpoints' abuse limits (server/http/rate-limit.ts).
    rateLimits: { checkoutPerClient: UNLIMITED, checkoutPerShop: UNLIMITED },
  };
  const app = createApp(ctx);
  const idToken = () => signAdminIdToken(secrets, BENCH_SHOP);

  async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await app.request(`/api/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${await idToken()}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer: unknown = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
    return answer;
  }

  return {
    app,
    ctx,
    client: database.client,
    shop: BENCH_SHOP,
    secrets,
    idToken,
    checkoutToken: () => signCheckoutSessionToken(secrets, BENCH_SHOP, { expiresIn: 300 }),
    admin,
    close() {
      network?.close();
      database.close();
    },
  };
}

export type BenchApp = Awaited<ReturnType<typeof createBenchApp>>;
