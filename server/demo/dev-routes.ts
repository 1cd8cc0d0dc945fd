import type { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppContext, AppEnv } from '../app-context.js';
import { localOnly } from './local-only.js';
import { signAdminIdToken } from './shopify-signatures.js';

/**
 * Demo-only pages and the App Bridge stand-in. `/dev/id-token` plays the part of Shopify's admin,
 * which hands the embedded app an id token; everything downstream verifies it as in production.
 */
const APP_BRIDGE_SHIM = `
(function () {
  var cached = null;
  async function idToken() {
    if (cached && cached.exp - 10 > Date.now() / 1000) return cached.token;
    var res = await fetch('/dev/id-token', { cache: 'no-store' });
    var body = await res.json();
    cached = { token: body.idToken, exp: body.expiresAt };
    return body.idToken;
  }
  var meta = document.querySelector('meta[name="shopify-api-key"]');
  window.shopify = {
    config: { apiKey: meta ? meta.content : '' },
    environment: { embedded: false, demo: true },
    idToken: idToken,
    toast: { show: function (message) { console.info('[toast]', message); } },
  };
  var reload = new URLSearchParams(location.search).get('shopify-reload');
  if (reload) {
    idToken().then(function (token) {
      var target = new URL(reload, location.origin);
      target.searchParams.set('id_token', token);
      location.replace(target.pathname + target.search);
    });
  }
})();
`;

export function mountDevRoutes(ctx: AppContext) {
  const demo = ctx.demo;
  if (!demo) throw new Error('dev routes exist in demo mode only');
  // Every route here is guarded: Host must be this loopback listener (see local-only.ts).
  const local = localOnly();
  return (app: Hono<AppEnv>) => {
    app.get('/dev/app-bridge.js', local, (c) => {
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'no-store');
      return c.body(APP_BRIDGE_SHIM);
    });
    app.get('/dev/id-token', local, async (c) => {
      const idToken = await signAdminIdToken(demo, demo.shop, { expiresIn: 60 });
      c.header('Cache-Control', 'no-store');
      return c.json({ idToken, shop: demo.shop, expiresAt: Math.floor(Date.now() / 1000) + 60 });
    });
    app.get('/', local, (c) =>
      c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Closer — demo</title>
    <style>
      body { font: 15px/1.5 system-ui, sans-serif; max-width: 720px; margin: 40px auto; color: #1a1a1a; }
      code { background: #f1f1f1; padding: 1px 4px; border-radius: 4px; }
      li { margin: 6px 0; }
    </style>
  </head>
  <body>
    <h1>Closer — demo mode</h1>
    <p>Shopify is emulated in-process for the demo shop <code>${demo.shop}</code>.
      Credentials to sign tokens and webhooks are in <code>data/demo-shop.json</code>.</p>
    <ul>
      <li><a href="/app?shop=${demo.shop}">Merchant admin</a> (embedded admin UI, outside Shopify's frame)</li>
      <li><a href="/sandbox">Checkout sandbox</a> (runs the shipped checkout extension bundle over a demo cart)</li>
      <li><a href="/health">/health</a> and <a href="/ready">/ready</a></li>
    </ul>
  </body>
</html>`),
    );
  };
}
