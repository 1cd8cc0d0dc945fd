import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Hono, MiddlewareHandler } from 'hono';
import { html, raw } from 'hono/html';
import { z } from 'zod';
import type { PublishedConfig } from '../../../core/offers/published-config.js';
import { couponCodes, offers } from '../../../drizzle/schema.js';
import type { AppContext, AppEnv } from '../../app-context.js';
import { getShop } from '../../domain/shops.js';
import { ApiError } from '../../http/errors.js';
import { parseOrThrow, readJson } from '../../http/validate.js';
import { DEMO_CATALOG } from '../catalog.js';
import { parseCartParam } from '../sandbox/client/cart-param.js';
import { buildSandboxOrder } from '../sandbox/sandbox-order.js';
import { webhookHeaders } from '../shopify-signatures.js';
import { formatPrice, STOREFRONT_ROOT } from './documents.js';

/** The cookies the demo storefront keeps: the cart (also in the URL) and an applied code. */
export const CART_COOKIE = 'closer_demo_cart';
export const DISCOUNT_COOKIE = 'closer_demo_discount';
/** The cart attribute `_closer_vid` the script set through `/cart/update.js`. */
export const VISITOR_COOKIE = 'closer_demo_vid';
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
export const CHECKOUT_PATH = `${STOREFRONT_ROOT}checkout`;

const orderSchema = z
  .object({
    cart: z.string().max(2000),
    code: z.string().trim().max(64).default(''),
  })
  .strict();

function cookieOf(header: string | undefined, name: string): string {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return '';
}

/**
 * The pooled code's discount as the checkout would apply it: the exit coupon offer it belongs to
 * (in this shop, handed out to a visitor), on the whole order. Null for any other text — a real
 * checkout would refuse the code and take the order without it.
 */
async function pooledDiscount(ctx: AppContext, shop: string, code: string) {
  if (!code) return null;
  const row = await ctx.db.query.couponCodes.findFirst({
    where: and(eq(couponCodes.shop, shop), eq(couponCodes.code, code)),
  });
  if (!row || row.state === 'available') return null;
  const offer = await ctx.db.query.offers.findFirst({
    where: and(eq(offers.shop, shop), eq(offers.id, row.offerId)),
  });
  const spec = offer?.content;
  if (spec?.kind !== 'exit_coupon') return null;
  return {
    code,
    type: spec.discount.type,
    value: spec.discount.value,
    appliesTo: 'order' as const,
    minimumSubtotal: spec.minimumSubtotal,
  };
}

/**
 * The demo storefront's checkout: Shopify's `/discount/CODE` link stores the code (as Shopify
 * applies it to the cart), the checkout page shows the cart with it, and *Pay now* turns the cart
 * into a signed `orders/create` webhook through the app's real route — built by the checkout
 * sandbox's order builder, with the code's discount on the order and `_closer_vid` in its
 * `note_attributes` (the cart attribute on a real shop), so the visitor's order reaches the report.
 */
export function mountStorefrontCheckout(
  ctx: AppContext,
  app: Hono<AppEnv>,
  local: MiddlewareHandler,
  shop: string,
  apiSecret: string,
) {
  // Shopify's AJAX cart API, reduced to what the script sends: the `_closer_vid` cart attribute.
  app.post(`${STOREFRONT_ROOT}cart/update.js`, local, async (c) => {
    const body = (await readJson(c.req.raw)) as { attributes?: Record<string, unknown> } | null;
    const vid = body?.attributes?._closer_vid;
    if (typeof vid === 'string' && VISITOR_ID.test(vid))
      c.header('Set-Cookie', `${VISITOR_COOKIE}=${vid}; Path=/; SameSite=Lax`);
    return c.json({ attributes: typeof vid === 'string' ? { _closer_vid: vid } : {} });
  });

  app.get(`${STOREFRONT_ROOT}discount/:code`, local, (c) => {
    const code = c.req.param('code').slice(0, 64);
    c.header('Set-Cookie', `${DISCOUNT_COOKIE}=${encodeURIComponent(code)}; Path=/; SameSite=Lax`);
    const cart = cookieOf(c.req.header('Cookie'), CART_COOKIE);
    const query = cart ? `?cart=${encodeURIComponent(cart)}` : '';
    return c.redirect(
      c.req.query('redirect') === '/checkout' ? `${CHECKOUT_PATH}${query}` : STOREFRONT_ROOT,
    );
  });

  app.get(CHECKOUT_PATH, local, async (c) => {
    const cartText = c.req.query('cart') ?? cookieOf(c.req.header('Cookie'), CART_COOKIE);
    const cart = parseCartParam(cartText) ?? [];
    const code = cookieOf(c.req.header('Cookie'), DISCOUNT_COOKIE);
    const lines = cart.flatMap((line) => {
      for (const product of DEMO_CATALOG)
        for (const v of product.variants)
          if (v.id === line.variantId)
            return [
              `${product.title} × ${line.quantity} — ${formatPrice(v.price * line.quantity)}`,
            ];
      return [];
    });
    c.header('Cache-Control', 'no-store');
    return c.html(html`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Checkout — Closer Demo Store</title><link rel="icon" href="data:," /></head>
  <body>
    <main>
      <h1>Checkout</h1>
      <ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>
      <p>Discount code: <strong data-testid="checkout-code">${code || 'none'}</strong></p>
      <button type="button" id="pay" data-testid="pay-now">Pay now</button>
      <p role="status" data-testid="order-status"></p>
    </main>
    <script>${raw(`
      document.getElementById('pay').addEventListener('click', async () => {
        const status = document.querySelector('[data-testid=order-status]');
        const res = await fetch(${JSON.stringify(`${CHECKOUT_PATH}/orders`)}, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ cart: ${JSON.stringify(cartText)}, code: ${JSON.stringify(code)} }),
        });
        const body = await res.json();
        status.textContent = res.ok ? 'Order ' + body.name + ' placed' : 'Failed: ' + body.error.message;
      });
    `)}</script>
  </body>
</html>`);
  });

  let sequence = 0;
  app.post(`${CHECKOUT_PATH}/orders`, local, async (c) => {
    const input = parseOrThrow(orderSchema, await readJson(c.req.raw), 'invalid_order');
    const cart = parseCartParam(input.cart) ?? [];
    if (cart.length === 0) throw new ApiError(400, 'empty_cart', 'The cart is empty.');
    const shopRow = await getShop(ctx.db, shop);
    const currency = shopRow?.currency ?? 'USD';
    const discount = await pooledDiscount(ctx, shop, input.code);
    // The order builder takes discounts from a published config; this one holds only the code's.
    const config = {
      v: 2,
      shop,
      currency,
      publishedAt: Date.now(),
      offers: discount ? [{ products: [], discount }] : [],
    } as unknown as PublishedConfig;
    sequence += 1;
    const orderId = Date.now() * 100 + (sequence % 100);
    const order = buildSandboxOrder(
      {
        checkoutToken: randomBytes(16).toString('hex'),
        lines: cart.map((line) => ({ ...line, attributes: [] })),
        discountCodes: discount ? [discount.code] : [],
      },
      { currency },
      { orderId, createdAt: new Date() },
      config,
    );
    // The cart's attributes become the order's note_attributes, as in Shopify.
    const vid = cookieOf(c.req.header('Cookie'), VISITOR_COOKIE);
    const payload = {
      ...order,
      note_attributes: VISITOR_ID.test(vid) ? [{ name: '_closer_vid', value: vid }] : [],
    };
    const body = JSON.stringify(payload);
    const delivered = await app.request(`${ctx.appUrl}/webhooks/orders/create`, {
      method: 'POST',
      headers: webhookHeaders(apiSecret, shop, 'orders/create', body),
      body,
    });
    if (delivered.status !== 200)
      throw new ApiError(502, 'webhook_refused', `orders/create was answered ${delivered.status}.`);
    return c.json(
      { orderId: String(payload.id), name: payload.name, totalDiscounts: payload.total_discounts },
      201,
    );
  });
}
