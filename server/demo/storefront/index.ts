import { readFileSync } from 'node:fs';
import type { Context, Hono } from 'hono';
import { buildStorefrontConfig } from '../../../core/storefront/build-config.js';
import type { StorefrontConfig, StorefrontPage } from '../../../core/storefront/config.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { ApiError } from '../../http/errors.js';
import {
  provideStorefrontOffers,
  type ReadStorefrontOffers,
} from '../../routes/proxy/storefront-offers.js';
import { DEMO_CATALOG } from '../catalog.js';
import { localOnly } from '../local-only.js';
import { formatCartParam, parseCartParam } from '../sandbox/client/cart-param.js';
import { signAppProxyQuery } from '../shopify-signatures.js';
import { CART_COOKIE, CHECKOUT_PATH, mountStorefrontCheckout } from './checkout.js';
import {
  cartContent,
  type Html,
  homeContent,
  productContent,
  productHandle,
  renderStorefrontPage,
  STOREFRONT_ROOT,
} from './documents.js';
import { buildEmbedData, readModalStrings } from './embed-data.js';

export interface StorefrontOptions {
  /** The demo shop's storefront offers; also handed to the App Proxy's coupon route. */
  offers: ReadStorefrontOffers;
  /**
   * The `$app.storefront_config` value the server published (the emulated metafield), or null.
   * When it holds offers the pages inline it, as the embed would; otherwise the built-in demo
   * offer above is shown.
   */
  readPublished?: () => Promise<string | null>;
  /** Rebuild the script when its sources changed (default true; tests that built it pass false). */
  buildIfStale?: boolean;
}

/** Query parameters only Shopify sets on a proxied request; a shopper's copies are dropped. */
const SHOPIFY_PROXY_PARAMS = new Set([
  'shop',
  'logged_in_customer_id',
  'path_prefix',
  'timestamp',
  'signature',
]);
const PROXY_PREFIX = `${STOREFRONT_ROOT}apps/closer`;

/**
 * The demo storefront (demo mode only): a home, a product and a cart page under /dev/storefront/
 * that carry what the app embed renders — the storefront config built by the same builder the
 * server publishes with, the embed's locale strings — and load the shipped script from
 * extension/storefront/assets. `/dev/storefront/apps/closer/*` plays Shopify's App Proxy: it signs
 * the query for the demo shop and forwards it to the app's real `/proxy/*` routes.
 */
export function mountStorefrontRoutes(ctx: AppContext, options: StorefrontOptions) {
  const demo = ctx.demo;
  if (!demo) throw new Error('the demo storefront exists in demo mode only');
  provideStorefrontOffers(ctx, options.offers);
  const strings = readModalStrings();
  const variants = new Map(
    DEMO_CATALOG.flatMap((product) => product.variants.map((v) => [v.id, { product, v }] as const)),
  );

  async function page(c: Context<AppEnv>, type: StorefrontPage, title: string, content: Html) {
    const published = JSON.parse(
      (await options.readPublished?.()) ?? 'null',
    ) as StorefrontConfig | null;
    const config = published?.offers.length
      ? published
      : buildStorefrontConfig(demo!.shop, await options.offers(demo!.shop), Date.now());
    const cart = parseCartParam(c.req.query('cart') ?? null) ?? [];
    c.header('Cache-Control', 'no-store');
    // Kept for Shopify's `/discount/CODE?redirect=/checkout` link, which carries no cart.
    c.header(
      'Set-Cookie',
      `${CART_COOKIE}=${encodeURIComponent(formatCartParam(cart))}; Path=/; SameSite=Lax`,
    );
    return c.html(
      renderStorefrontPage({
        title,
        cart: formatCartParam(cart),
        cartCount: cart.reduce((sum, line) => sum + line.quantity, 0),
        content,
        embed: buildEmbedData(config, strings, type, STOREFRONT_ROOT),
      }),
    );
  }

  const local = localOnly();
  return (app: Hono<AppEnv>) => {
    app.get('/dev/storefront', local, (c) => c.redirect(STOREFRONT_ROOT));

    app.get(STOREFRONT_ROOT, local, (c) =>
      page(c, 'index', 'Home', homeContent(DEMO_CATALOG.slice(0, 8), c.req.query('cart') ?? '')),
    );

    app.get(`${STOREFRONT_ROOT}products/:handle`, local, (c) => {
      const product = DEMO_CATALOG.find((p) => productHandle(p) === c.req.param('handle'));
      if (!product) throw new ApiError(404, 'not_found', 'No such product.');
      const cart = parseCartParam(c.req.query('cart') ?? null) ?? [];
      const variant = product.variants.find((v) => v.available) ?? product.variants[0]!;
      const existing = cart.find((line) => line.variantId === variant.id);
      if (existing) existing.quantity += 1;
      else cart.push({ variantId: variant.id, quantity: 1 });
      const href = `${STOREFRONT_ROOT}cart?cart=${encodeURIComponent(formatCartParam(cart))}`;
      return page(c, 'product', product.title, productContent(product, href));
    });

    mountStorefrontCheckout(ctx, app, local, demo.shop, demo.apiSecret);

    app.get(`${STOREFRONT_ROOT}cart`, local, (c) => {
      const cart = parseCartParam(c.req.query('cart') ?? null) ?? [];
      const lines = cart.flatMap((line) => {
        const found = variants.get(line.variantId);
        if (!found) return [];
        const name = found.v.title === 'Default Title' ? '' : ` (${found.v.title})`;
        return [
          {
            title: `${found.product.title}${name}`,
            quantity: line.quantity,
            amount: found.v.price * line.quantity,
          },
        ];
      });
      const checkout = `${CHECKOUT_PATH}?cart=${encodeURIComponent(formatCartParam(cart))}`;
      return page(c, 'cart', 'Cart', cartContent(lines, checkout));
    });

    // The shipped asset, byte for byte (built from extension/storefront/src when stale).
    app.get(`${STOREFRONT_ROOT}assets/closer-exit.js`, local, async (c) => {
      // A build tool, loaded only when a developer opens the demo storefront.
      const build = await import('../../../scripts/build-storefront.js');
      if (options.buildIfStale !== false) await build.ensureStorefrontBuilt();
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'no-store');
      try {
        return c.body(readFileSync(build.STOREFRONT_SCRIPT));
      } catch {
        throw new ApiError(404, 'not_built', 'Run `npm run build:storefront`.');
      }
    });

    // Shopify's App Proxy: the same query, plus the shop and a fresh signature, to /proxy/*.
    app.get(`${PROXY_PREFIX}/*`, local, async (c) => {
      const params: Record<string, string> = {};
      for (const [name, value] of new URL(c.req.url).searchParams) {
        if (!SHOPIFY_PROXY_PARAMS.has(name)) params[name] = value;
      }
      const signed = signAppProxyQuery(demo.apiSecret, {
        ...params,
        shop: demo.shop,
        logged_in_customer_id: '',
        path_prefix: '/apps/closer',
        timestamp: String(Math.floor(Date.now() / 1000)),
      });
      const forwarded = await app.request(
        `${ctx.appUrl}/proxy${c.req.path.slice(PROXY_PREFIX.length)}?${signed}`,
      );
      return new Response(forwarded.body, {
        status: forwarded.status,
        headers: {
          'Content-Type': forwarded.headers.get('Content-Type') ?? 'text/plain',
          'Cache-Control': 'no-store',
        },
      });
    });
  };
}
