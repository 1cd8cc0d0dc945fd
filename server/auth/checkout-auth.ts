import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import { shopCacheFor } from '../domain/shop-cache.js';
import { ApiError } from '../http/errors.js';
import { bearerToken, verifyShopToken } from './session-token.js';
import { VerifiedTokens } from './verified-tokens.js';

// Checkout extensions run in a sandboxed worker on Shopify's origin; like Shopify's own helpers
// we allow any origin but only the Authorization bearer scheme (no cookies). Methods, headers and
// max-age only mean something on the preflight's answer; the actual request's answer needs only
// the origin, which server/app.ts sets for every answer on /api/checkout/*.
const CORS_PREFLIGHT = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '7200',
};

const unauthorized = (code: string, message: string) => new ApiError(401, code, message);

/**
 * Answers CORS preflight and verifies the checkout extension session token (`dest` = shop). A
 * token verified once is trusted until its `exp` (auth/verified-tokens.ts); whether the shop is
 * installed comes from the shop cache, which re-reads it as domain/shop-cache.ts says.
 */
export function checkoutAuth(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const verified = new VerifiedTokens<string>();
  return async function requireCheckoutSession(c, next) {
    if (c.req.method === 'OPTIONS') return c.body(null, 204, CORS_PREFLIGHT);
    const token = bearerToken(c.req.header('Authorization'));
    if (!token)
      throw unauthorized(
        'missing_session_token',
        'Send the extension session token as a Bearer token.',
      );
    let shop = verified.get(token);
    if (shop === undefined) {
      const checked = await verifyShopToken(ctx, token, 'checkout', unauthorized);
      shop = checked.shop;
      verified.set(token, shop, checked.payload.exp);
    }
    if (!(await shopCacheFor(ctx).isActive(shop))) {
      throw unauthorized('shop_not_installed', 'The app is not installed on this shop.');
    }
    c.set('shop', shop);
    await next();
  };
}
