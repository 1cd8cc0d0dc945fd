import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../app-context.js';
import { ensureShopInstalled } from '../domain/shops.js';
import { ApiError } from '../http/errors.js';
import { resolveOfflineSession } from '../shopify/offline-session.js';
import { isAccessTokenRefused, ShopifyRefusedError } from '../shopify/upstream-errors.js';
import { bearerToken, verifyShopToken } from './session-token.js';

/** App Bridge retries a request once with a fresh id token when it sees this header. */
export const RETRY_HEADER = 'X-Shopify-Retry-Invalid-Session-Request';

function unauthorized(code: string, message: string) {
  return new ApiError(401, code, message, { [RETRY_HEADER]: '1' });
}

/**
 * Authenticates an embedded-admin request from its id token, then makes sure the app holds an
 * offline access token for the shop (token exchange on first use), so handlers can call Shopify.
 */
export async function authenticateAdmin(ctx: AppContext, idToken: string): Promise<string> {
  const { shop, payload } = await verifyShopToken(ctx, idToken, 'admin', unauthorized);
  // The issuer is the shop's admin; a token minted for one shop must not name another.
  if (typeof payload.iss !== 'string' || !payload.iss.startsWith(`https://${shop}/`)) {
    throw unauthorized(
      'shop_mismatch',
      'The session token issuer does not match its destination shop.',
    );
  }
  try {
    const { session, isNew } = await resolveOfflineSession(ctx, shop, idToken);
    await ensureShopInstalled(ctx, session, isNew);
  } catch (error) {
    // Only a refusal means the token is bad; throttling and outages are retryable (503).
    if (error instanceof ShopifyRefusedError) {
      throw unauthorized('token_exchange_failed', 'Shopify refused to exchange the session token.');
    }
    throw error;
  }
  return shop;
}

export function adminApiAuth(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async function requireAdminSession(c, next) {
    const token = bearerToken(c.req.header('Authorization'));
    if (!token)
      throw unauthorized(
        'missing_session_token',
        'Send the App Bridge id token as a Bearer token.',
      );
    const shop = await authenticateAdmin(ctx, token);
    c.set('shop', shop);
    await next();
    // Shopify answered 401 to our stored token (revoked, or issued under other credentials):
    // forget it and let App Bridge retry, which runs token exchange afresh.
    if (isAccessTokenRefused(c.error)) {
      await ctx.sessionStorage.deleteSession(ctx.shopify.session.getOfflineId(shop));
      ctx.logger.warn('stored Admin API token refused; session dropped', { shop });
      throw unauthorized(
        'shopify_token_refused',
        'Shopify refused the stored access token; retry.',
      );
    }
  };
}
