import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import type { AppContext } from './app-context.js';
import { openDatabase } from './db/client.js';
import { publisherFor } from './domain/publication.js';
import type { Env } from './env.js';
import type { Logger } from './logger.js';
import { createSessionStorage, resolveTokenKeys } from './shopify/session-storage.js';
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
  // The node bindings (the socket) travel with each request: the demo routes check the Host
  // header against the port the request arrived on.
  let handle: (request: Request, bindings: unknown) => Response | Promise<Response> = () =>
    new Response('starting', { status: 503 });
  const server = serve({
    fetch: (request, bindings) => handle(request, bindings),
    port: env.port,
    hostname: env.host,
  });
  await new Promise<void>((resolveListening, reject) => {
    server.once('listening', () => resolveListening());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const localUrl = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${port}`;

  // Demo-only code (emulator, msw, token signers, dev routes) is loaded in demo mode only.
  const demo =
    env.mode === 'demo' ? (await import('./demo/demo-mode.js')).startDemoMode(env.dataDir) : null;
  const credentials =
    env.shopify ??
    (demo && { apiKey: demo.account.apiKey, apiSecret: demo.account.apiSecret, appUrl: localUrl });
  if (!credentials) throw new Error('Shopify mode needs credentials');

  const database = await openDatabase(env.databaseUrl, env.databaseAuthToken);
  const ctx: AppContext = {
    mode: env.mode,
    logger,
    db: database.db,
    dbClient: database.client,
    shopify: createShopifyApi({ ...credentials, scopes: env.scopes }, logger),
    sessionStorage: createSessionStorage(database.db, resolveTokenKeys(env), logger),
    appUrl: credentials.appUrl,
    appBridgeScriptUrl: demo
      ? '/dev/app-bridge.js'
      : 'https://cdn.shopify.com/shopifycloud/app-bridge.js',
    ...(env.trustedProxyHeader ? { trustedProxyHeader: env.trustedProxyHeader } : {}),
    ...(demo
      ? {
          demo: {
            shop: demo.account.shop,
            apiKey: demo.account.apiKey,
            apiSecret: demo.account.apiSecret,
          },
        }
      : {}),
  };
  const app = createApp(ctx, demo ? demo.mounts(ctx) : []);
  handle = (request, bindings) => app.fetch(request, bindings);

  if (demo) await demo.installShop(ctx);
  // The outbox outlives processes: publications a previous process could not deliver resume here.
  await publisherFor(ctx).resumePending();

  return {
    url: localUrl,
    ctx,
    close: async () => {
      publisherFor(ctx).stop();
      await new Promise<void>((done) => server.close(() => done()));
      demo?.close();
      database.close();
    },
  };
}
