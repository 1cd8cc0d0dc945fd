import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import type { Hono } from 'hono';
import type { AppContext, AppEnv } from '../../app-context.js';
import { getShop } from '../../domain/shops.js';
import { ApiError } from '../../http/errors.js';
import { parseOrThrow, readJson } from '../../http/validate.js';
import { localOnly } from '../local-only.js';
import { signCheckoutSessionToken, webhookHeaders } from '../shopify-signatures.js';
import { parseConfig } from './client/decisions.js';
import { CLIENT_ENTRIES, type ClientAsset, loadClientAsset } from './client-assets.js';
import { renderSandboxFrame, renderSandboxPage } from './documents.js';
import { pooledDiscounts } from './pooled-codes.js';
import type { ReadPublishedConfig } from './published-config.js';
import { buildSandboxData } from './sandbox-data.js';
import { buildSandboxOrder, sandboxOrderSchema } from './sandbox-order.js';

export { readConfigFromEmulator } from './published-config.js';

export interface SandboxOptions {
  /** The `$app.closer_config` value the server published (see readConfigFromEmulator). */
  readPublishedConfig: ReadPublishedConfig;
  /** Where `npm run build:extension` writes the bundle; default dist/extension. */
  distDir?: string;
  /** Rebuild the bundle when its sources changed (default true; tests that built it pass false). */
  buildIfStale?: boolean;
}

const DEFAULT_DIST = resolve(import.meta.dirname, '../../../dist/extension');
const SESSION_TOKEN_SECONDS = 300;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/**
 * The checkout sandbox (demo mode only): `/sandbox` runs the shipped extension bundle from
 * dist/extension over an emulated checkout, `/dev/sandbox/session-token` stands in for Shopify
 * minting the extension's session token, and `/dev/sandbox/orders` turns the sandbox cart into a
 * signed `orders/create` webhook delivered through the app's real webhook route.
 */
export function mountSandboxRoutes(ctx: AppContext, options: SandboxOptions) {
  const demo = ctx.demo;
  if (!demo) throw new Error('the checkout sandbox exists in demo mode only');
  const distDir = options.distDir ?? DEFAULT_DIST;
  let orderSequence = 0;

  async function ensureBundle() {
    if (options.buildIfStale === false) return;
    // A build tool, loaded only when a developer opens the sandbox.
    const { ensureExtensionBuilt } = await import('../../../scripts/build-extension.js');
    await ensureExtensionBuilt(distDir);
  }

  // Every route here is guarded: Host must be this loopback listener, and the order POST must
  // come from the sandbox page itself (see local-only.ts).
  const local = localOnly();
  return (app: Hono<AppEnv>) => {
    app.get('/sandbox', local, async (c) => {
      await ensureBundle();
      const shopRow = await getShop(ctx.db, demo.shop);
      const customer = c.req.query('customer') ?? '';
      const data = buildSandboxData({
        shop: demo.shop,
        shopName: shopRow?.name ?? 'Closer Demo Store',
        currency: shopRow?.currency ?? 'USD',
        config: await options.readPublishedConfig(),
        bundleAppUrl: readBundleAppUrl(distDir),
        // Codes Closer handed out that this checkout may redeem: those in `?code=`, and the ones
        // the customer holds (their next-order code, shown on an earlier Thank you page).
        pooledCodes: await pooledDiscounts(ctx, demo.shop, {
          codes: c.req.queries('code') ?? [],
          customerId: /^\d{1,15}$/.test(customer) ? customer : null,
        }),
      });
      c.header('Cache-Control', 'no-store');
      return c.html(renderSandboxPage(data));
    });

    app.get('/sandbox/frame', local, (c) => c.html(renderSandboxFrame()));

    app.get('/sandbox/assets/:name', local, async (c) => {
      const name = c.req.param('name');
      if (!(name in CLIENT_ENTRIES)) throw new ApiError(404, 'not_found', 'No such sandbox asset.');
      c.header('Content-Type', TYPES['.js']!);
      c.header('Cache-Control', 'no-store');
      return c.body(await loadClientAsset(name as ClientAsset));
    });

    // The shipped files, byte for byte: the bundle, its locales and size.json.
    app.get('/sandbox/extension/*', local, (c) => {
      const relative = normalize(c.req.path.slice('/sandbox/extension/'.length));
      const type = TYPES[relative.slice(relative.lastIndexOf('.'))];
      const path = join(distDir, relative);
      if (relative.startsWith('..') || !type || !existsSync(path)) {
        throw new ApiError(
          404,
          'not_built',
          'Not in dist/extension: run `npm run build:extension`.',
        );
      }
      c.header('Content-Type', type);
      c.header('Cache-Control', 'no-store');
      return c.body(readFileSync(path));
    });

    app.get('/dev/sandbox/session-token', local, async (c) => {
      const token = await signCheckoutSessionToken(demo, demo.shop, {
        expiresIn: SESSION_TOKEN_SECONDS,
      });
      c.header('Cache-Control', 'no-store');
      return c.json({ token, expiresAt: Math.floor(Date.now() / 1000) + SESSION_TOKEN_SECONDS });
    });

    app.post('/dev/sandbox/orders', local, async (c) => {
      const input = parseOrThrow(sandboxOrderSchema, await readJson(c.req.raw), 'invalid_order');
      const shopRow = await getShop(ctx.db, demo.shop);
      orderSequence += 1;
      // Unique across restarts (ms clock) and within one (sequence).
      const orderId = Date.now() * 100 + (orderSequence % 100);
      const payload = buildSandboxOrder(
        input,
        { currency: shopRow?.currency ?? 'USD' },
        { orderId, createdAt: new Date() },
        // The published offers' discounts: a code's amounts come from them, never from the page.
        parseConfig(await options.readPublishedConfig()),
        await pooledDiscounts(ctx, demo.shop, { codes: input.discountCodes }),
      );
      const body = JSON.stringify(payload);
      const delivered = await app.request(`${ctx.appUrl}/webhooks/orders/create`, {
        method: 'POST',
        headers: webhookHeaders(demo.apiSecret, demo.shop, 'orders/create', body),
        body,
      });
      if (delivered.status !== 200) {
        throw new ApiError(
          502,
          'webhook_refused',
          `The orders/create webhook was answered ${delivered.status}.`,
        );
      }
      return c.json({ orderId: String(payload.id), name: payload.name }, 201);
    });
  };
}

function readBundleAppUrl(distDir: string): string {
  try {
    const sizes = JSON.parse(readFileSync(join(distDir, 'size.json'), 'utf8')) as {
      appUrl?: string;
    };
    return sizes.appUrl ?? '';
  } catch {
    return '';
  }
}
