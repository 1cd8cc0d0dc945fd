import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { AppContext, AppEnv } from '../app-context.js';
import { authenticateAdmin } from '../auth/admin-auth.js';
import { isShopDomain } from '../auth/shop-domain.js';
import { ApiError } from '../http/errors.js';
import { FAVICON_LINK } from './favicon.js';

const ADMIN_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/admin-ui');

/** Shopify requires embedded pages to allow framing by the shop's admin and nothing else. */
function frameAncestors(shop: string | null): string {
  const origins = ['https://admin.shopify.com'];
  if (shop) origins.unshift(`https://${shop}`);
  return `frame-ancestors ${origins.join(' ')};`;
}

function bouncePage(apiKey: string, appBridgeScriptUrl: string) {
  // App Bridge reads `shopify-reload`, fetches a fresh id token and navigates there with it.
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="shopify-api-key" content="${apiKey}" />
    <script src="${appBridgeScriptUrl}"></script>
    ${raw(FAVICON_LINK)}
    <title>Closer</title>
  </head>
  <body></body>
</html>`;
}

function adminShell(apiKey: string, appBridgeScriptUrl: string): string {
  const built = resolve(ADMIN_DIST, 'index.html');
  const head = `<meta name="shopify-api-key" content="${apiKey}" />\n<script src="${appBridgeScriptUrl}"></script>\n${FAVICON_LINK}`;
  if (existsSync(built)) return readFileSync(built, 'utf8').replace('<!--app-bridge-->', head);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8" />${head}<title>Closer</title></head>
<body><p>The admin UI is not built yet: run <code>npm run build</code>.</p></body></html>`;
}

/**
 * The embedded admin document. Shopify loads it with `id_token` in the query; without a valid one
 * the request is bounced through App Bridge to get one — the same flow in demo mode, where the
 * App Bridge script is the local shim.
 */
export function createAdminDocumentRoutes(ctx: AppContext) {
  const apiKey = ctx.shopify.config.apiKey;
  return (
    new Hono<AppEnv>()
      // Hashed, immutable bundles of the admin UI; public like any app's static assets. The build
      // writes .br/.gz beside each (admin-ui/precompress.ts), served as they are when accepted.
      .use('/admin-ui/assets/*', async (c, next) => {
        await next();
        if (c.res.ok) c.header('Cache-Control', 'public, max-age=31536000, immutable');
      })
      .get(
        '/admin-ui/assets/*',
        serveStatic({
          root: relative(process.cwd(), resolve(ADMIN_DIST, '..')),
          precompressed: true,
        }),
      )
      .get('/auth/session-token', (c) => {
        const shop = c.req.query('shop') ?? null;
        c.header(
          'Content-Security-Policy',
          frameAncestors(shop && isShopDomain(shop) ? shop : null),
        );
        return c.html(bouncePage(apiKey, ctx.appBridgeScriptUrl));
      })
      // `/app/*` also matches `/app` itself.
      .get('/app/*', async (c) => {
        const url = new URL(c.req.url);
        const idToken = url.searchParams.get('id_token');
        let shop: string | null = null;
        if (idToken) {
          try {
            shop = await authenticateAdmin(ctx, idToken);
          } catch (error) {
            if (!(error instanceof ApiError) || error.status !== 401) throw error;
          }
        }
        if (!shop) {
          url.searchParams.delete('id_token');
          const bounce = new URLSearchParams(url.searchParams);
          bounce.set('shopify-reload', `${url.pathname}?${url.searchParams.toString()}`);
          return c.redirect(`/auth/session-token?${bounce.toString()}`, 302);
        }
        c.header('Content-Security-Policy', frameAncestors(shop));
        return c.html(raw(adminShell(apiKey, ctx.appBridgeScriptUrl)));
      })
  );
}
