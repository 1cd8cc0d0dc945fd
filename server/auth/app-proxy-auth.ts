import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import { ApiError } from '../http/errors.js';
import { isShopDomain } from './shop-domain.js';

/**
 * App Proxy requests arrive through the shop's storefront with a `signature` over the query;
 * the library checks it (hex HMAC, sorted params) and that `timestamp` is within 90 seconds.
 */
export function appProxyAuth(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async function requireProxySignature(c, next) {
    const query = new URL(c.req.url).searchParams;
    let valid = false;
    try {
      valid = await ctx.shopify.utils.validateHmac(query, { signator: 'appProxy' });
    } catch {
      valid = false;
    }
    const shop = query.get('shop');
    if (!valid || !shop || !isShopDomain(shop)) {
      throw new ApiError(
        401,
        'invalid_proxy_signature',
        'The App Proxy signature is missing, stale or wrong.',
      );
    }
    c.set('shop', shop);
    await next();
  };
}
