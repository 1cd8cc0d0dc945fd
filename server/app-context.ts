import type { Client } from '@libsql/client';
import type { SessionStorage } from '@shopify/shopify-app-session-storage';
import type { Database } from './db/client.js';
import type { AppMode } from './env.js';
import type { Logger } from './logger.js';
import type { ShopifyCallPolicy } from './shopify/call-shopify.js';
import type { ShopifyApi } from './shopify/shopify-api.js';

/** Everything a route needs, built once at boot (or per test) and passed down explicitly. */
export interface AppContext {
  mode: AppMode;
  logger: Logger;
  db: Database;
  dbClient: Client;
  shopify: ShopifyApi;
  /** Offline sessions; in the server, tokens are sealed at rest (`shopify/session-storage.ts`). */
  sessionStorage: SessionStorage;
  /** Public URL of this app, e.g. https://closer.example.com or http://127.0.0.1:3000 in demo. */
  appUrl: string;
  /** Where the admin document loads App Bridge from: Shopify's CDN, or the demo shim. */
  appBridgeScriptUrl: string;
  /** Overrides of how calls to Shopify time out and retry (tests inject sleep and timeouts). */
  shopifyCalls?: Partial<ShopifyCallPolicy>;
  /** Overrides of the publication outbox's retry timing (tests). */
  publishing?: Partial<import('./domain/publication.js').PublisherOptions>;
  /** Header the one trusted proxy puts the client's address in (TRUSTED_PROXY_HEADER). */
  trustedProxyHeader?: string;
  /** Overrides of how ingestion groups its writes (db/group-commit.ts; tests, benchmarks). */
  groupCommit?: Partial<import('./db/group-commit.js').GroupCommitOptions>;
  /** Overrides of how long shop state and catalogs are kept (domain/shop-cache.ts; tests). */
  shopCache?: Partial<import('./domain/shop-cache.js').ShopCacheOptions>;
  /** Overrides of the public endpoints' rate limits (tests, benchmarks). */
  rateLimits?: Partial<import('./http/rate-limit.js').RateLimitPolicy>;
  /** Demo only: the local shop and the secrets `data/demo-shop.json` holds. */
  demo?: { shop: string; apiKey: string; apiSecret: string };
}

/** Per-request values set by middleware. */
export interface RequestVariables {
  requestId: string;
  shop: string;
}

export type AppEnv = { Variables: RequestVariables };
