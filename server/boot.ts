import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { DrizzleSessionStorageSQLite } from '@shopify/shopify-app-session-storage-drizzle';
import { setupServer } from 'msw/node';
import { shopifySessions } from '../drizzle/schema.js';
import { createApp, type RouteMount } from './app.js';
import type { AppContext } from './app-context.js';
import { authenticateAdmin } from './auth/admin-auth.js';
import { openDatabase } from './db/client.js';
import { loadOrCreateDemoShop } from './demo/demo-shop.js';
import { mountDevRoutes } from './demo/dev-routes.js';
import { createShopifyEmulator } from './demo/emulator/index.js';
import { mountSandboxRoutes, readConfigFromEmulator } from './demo/sandbox/index.js';
import { signAdminIdToken } from './demo/shopify-signatures.js';
import type { Env } from './env.js';
import type { Logger } from './logger.js';
import { createShopifyApi } from './shopify/shopify-api.js';

export interface RunningServer {
  url: string;
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * Starts the HTTP server for either mode. The listener is bound first so the app URL (and its
 * port, which may be ephemeral) is known before the Shopify client is configured.
 */
export async function startServer(env: Env, logger: Logger): Promise<RunningServer> {
  let handle: (request: Request) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const server = serve({ fetch: (request) => handle(request), port: env.port, hostname: env.host });
  await new Promise<void>((resolveListening, reject) => {
    server.once('listening', () => resolveListening());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const localUrl = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${port}`;

  const demo = env.mode === 'demo' ? loadOrCreateDemoShop(env.dataDir) : undefined;
  const credentials = env.shopify ?? {
    apiKey: demo!.apiKey,
    apiSecret: demo!.apiSecret,
    appUrl: localUrl,
  };
  const emulator = demo ? createShopifyEmulator({ ...demo, shops: [{ shop: demo.shop }] }) : null;
  const network = emulator ? setupServer(...emulator.handlers) : null;
  network?.listen({ onUnhandledFrame: 'bypass' });

  const database = await openDatabase(env.databaseUrl, env.databaseAuthToken);
  const ctx: AppContext = {
    mode: env.mode,
    logger,
    db: database.db,
    dbClient: database.client,
    shopify: createShopifyApi({ ...credentials, scopes: env.scopes }, logger),
    sessionStorage: new DrizzleSessionStorageSQLite(database.db, shopifySessions),
    appUrl: credentials.appUrl,
    appBridgeScriptUrl: demo
      ? '/dev/app-bridge.js'
      : 'https://cdn.shopify.com/shopifycloud/app-bridge.js',
    ...(demo ? { demo: { shop: demo.shop, apiKey: demo.apiKey, apiSecret: demo.apiSecret } } : {}),
  };
  const mounts: RouteMount[] =
    demo && emulator
      ? [
          mountDevRoutes(ctx),
          mountSandboxRoutes(ctx, {
            readPublishedConfig: readConfigFromEmulator(emulator, demo.shop),
          }),
        ]
      : [];
  const app = createApp(ctx, mounts);
  handle = (request) => app.fetch(request);

  if (demo) {
    // Install the demo shop through the real path: an id token, then token exchange.
    await authenticateAdmin(ctx, await signAdminIdToken(demo, demo.shop));
  }

  return {
    url: localUrl,
    ctx,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      network?.close();
      database.close();
    },
  };
}
