import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { EmbedData } from '../../../core/storefront/config.js';
import type { DemoProduct } from '../catalog.js';
import { scriptJson } from './embed-data.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const STOREFRONT_ROOT = '/dev/storefront/';
export const STOREFRONT_SCRIPT_PATH = `${STOREFRONT_ROOT}assets/closer-exit.js`;

/** A simple theme's look; nothing here loads from the network (the icon is an empty data URL). */
const PAGE_CSS = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 Georgia,"Times New Roman",serif;color:#1d1d1d;background:#fbfaf7}
a{color:inherit}.top{display:flex;justify-content:space-between;align-items:center;padding:18px max(20px,calc(50% - 520px));border-bottom:1px solid #e4e0d8;background:#fff}
.logo{font-size:22px;font-weight:700;text-decoration:none}.top nav{display:flex;gap:18px}
main{max-width:1040px;margin:0 auto;padding:32px 20px 160px}h1{font-size:30px;margin:0 0 12px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:20px;list-style:none;padding:0}
.grid a{display:block;text-decoration:none}.grid img,.product img{width:100%;max-width:360px;border-radius:8px}
.product{display:grid;grid-template-columns:minmax(0,360px) minmax(0,1fr);gap:32px}.price{font-size:20px}
.button{display:inline-block;padding:12px 22px;border-radius:6px;background:#1d1d1d;color:#fff;text-decoration:none}
.lines{list-style:none;padding:0}.lines li{display:flex;justify-content:space-between;padding:10px 0;border-bottom:1px solid #e4e0d8}
.demo-panel{position:fixed;left:16px;bottom:16px;max-width:380px;padding:12px 14px;border-radius:8px;background:#1f2124;color:#eee;font:13px/1.45 system-ui,sans-serif}
.demo-panel button{font:inherit;margin:6px 6px 0 0;padding:2px 8px;border:1px solid #666;border-radius:4px;background:#333;color:#fff;cursor:pointer}
.demo-panel code{color:#9cdcfe}
@media (max-width:700px){.product{grid-template-columns:minmax(0,1fr)}}
`;

/** Demo chrome only (not part of the embed): shows the visitor id and resets the local state. */
const PANEL_SCRIPT = `
document.addEventListener('DOMContentLoaded', function () {
  var id = null;
  try { id = localStorage.getItem('_closer_vid'); } catch (e) {}
  document.getElementById('demo-visitor').textContent = id || '(none)';
});
function closerDemoReset(visitor) {
  try {
    if (visitor) localStorage.removeItem('_closer_vid');
    localStorage.removeItem('_closer_fired');
  } catch (e) {}
  location.reload();
}
`;

export function formatPrice(minor: number): string {
  return `$${(minor / 100).toFixed(2)}`;
}

export function productHandle(product: DemoProduct): string {
  return product.id.slice(product.id.lastIndexOf('/') + 1);
}

/**
 * What the app embed adds to a page, as Liquid would render it for this shop: nothing without a
 * published offer, else the inline JSON and the one deferred script. (The embed's `:root` colour
 * variables are left out: their schema defaults are the script's own fallbacks.)
 */
function embedOutput(embed: EmbedData | null) {
  if (!embed) return '';
  return html`<script type="application/json" id="closer-embed">${raw(scriptJson(embed))}</script>
    <script src="${STOREFRONT_SCRIPT_PATH}" defer></script>`;
}

export function renderStorefrontPage(options: {
  title: string;
  cart: string;
  cartCount: number;
  content: Html;
  embed: EmbedData | null;
}): Html {
  const cartQuery = options.cart ? `?cart=${encodeURIComponent(options.cart)}` : '';
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title} — Closer Demo Store</title>
    <link rel="icon" href="data:," />
    <style>${raw(PAGE_CSS)}</style>
  </head>
  <body>
    <header class="top">
      <a class="logo" href="${STOREFRONT_ROOT}${cartQuery}">Closer Demo Store</a>
      <nav>
        <a href="${STOREFRONT_ROOT}${cartQuery}">Home</a>
        <a href="${STOREFRONT_ROOT}cart${cartQuery}">Cart (${options.cartCount})</a>
      </nav>
    </header>
    <main>${options.content}</main>
    <aside class="demo-panel" aria-label="Demo controls">
      Demo storefront (the exit-intent coupon runs the shipped script). Visitor
      <code id="demo-visitor"></code>: half the visitors are held out and see nothing. After 3 s,
      move the pointer out through the top of the window.<br />
      <button type="button" onclick="closerDemoReset(true)">New visitor</button>
      <button type="button" onclick="closerDemoReset(false)">Reset frequency cap</button>
    </aside>
    <script>${raw(PANEL_SCRIPT)}</script>
    ${embedOutput(options.embed)}
  </body>
</html>`;
}

export function homeContent(products: DemoProduct[], cart: string): Html {
  const cartQuery = cart ? `?cart=${encodeURIComponent(cart)}` : '';
  return html`<h1>New this week</h1>
    <ul class="grid">
      ${products.map(
        (product) =>
          html`<li>
            <a href="${STOREFRONT_ROOT}products/${productHandle(product)}${cartQuery}">
              <img src="${product.imageUrl}" alt="" width="180" height="180" />
              <strong>${product.title}</strong><br />${formatPrice(product.variants[0]?.price ?? 0)}
            </a>
          </li>`,
      )}
    </ul>`;
}

export function productContent(product: DemoProduct, addToCartHref: string): Html {
  const variant = product.variants.find((v) => v.available) ?? product.variants[0];
  return html`<div class="product">
      <img src="${product.imageUrl}" alt="${product.title}" width="360" height="360" />
      <div>
        <h1>${product.title}</h1>
        <p class="price">${formatPrice(variant?.price ?? 0)}</p>
        <p>
          ${product.vendor} · ${product.productType}. Made to last and easy to care for; ships in
          two days, free returns for 30 days.
        </p>
        <a class="button" href="${addToCartHref}">Add to cart</a>
      </div>
    </div>`;
}

export function cartContent(
  lines: { title: string; quantity: number; amount: number }[],
  checkoutHref: string,
): Html {
  if (lines.length === 0) return html`<h1>Your cart</h1><p>Your cart is empty.</p>`;
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  return html`<h1>Your cart</h1>
    <ul class="lines">
      ${lines.map(
        (line) =>
          html`<li><span>${line.title} × ${line.quantity}</span><span>${formatPrice(line.amount)}</span></li>`,
      )}
      <li><strong>Subtotal</strong><strong>${formatPrice(subtotal)}</strong></li>
    </ul>
    <a class="button" href="${checkoutHref}">Check out</a>`;
}
