import { RequestedTokenType, type Session } from '@shopify/shopify-api';
import type { AppContext } from '../app-context.js';
import { callShopify, resolveCallPolicy } from './call-shopify.js';
import { ShopifyRefusedError } from './upstream-errors.js';

// Refresh a little before expiry so a request never carries a token that dies mid-flight.
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * Returns a usable offline session for the shop: the stored one while its access token is
 * valid, else a refreshed one (expiring offline tokens), else a fresh one from token exchange
 * with the id token the request carried. The result is stored for the next request.
 *
 * Both OAuth calls retry throttling and outages like every Admin call; a refusal of the token
 * exchange surfaces as `ShopifyRefusedError` (operation `tokenExchange`), a 429 that outlasts
 * the retries as `ShopifyThrottledError` — so a busy Shopify is never mistaken for a bad token.
 */
export async function resolveOfflineSession(
  ctx: AppContext,
  shop: string,
  idToken: string,
): Promise<{ session: Session; isNew: boolean }> {
  const id = ctx.shopify.session.getOfflineId(shop);
  const stored = await ctx.sessionStorage.loadSession(id);
  if (stored?.accessToken && !stored.isExpired(EXPIRY_MARGIN_MS)) {
    return { session: stored, isNew: false };
  }
  const call = (operation: string) => ({
    operation,
    shop,
    logger: ctx.logger,
    policy: resolveCallPolicy(ctx.shopifyCalls),
  });
  const { refreshToken, refreshTokenExpires } = stored ?? {};
  if (refreshToken && refreshTokenExpires && refreshTokenExpires.getTime() > Date.now()) {
    try {
      const { session } = await callShopify(call('refreshToken'), () =>
        ctx.shopify.auth.refreshToken({ shop, refreshToken }),
      );
      await ctx.sessionStorage.storeSession(session);
      return { session, isNew: false };
    } catch (error) {
      // Only a refused refresh token is worth replacing by token exchange: a throttled or
      // unreachable token endpoint is the same endpoint the exchange would call.
      if (!(error instanceof ShopifyRefusedError)) throw error;
      ctx.logger.warn('offline token refresh refused; falling back to token exchange', { shop });
    }
  }
  const { session } = await callShopify(call('tokenExchange'), () =>
    ctx.shopify.auth.tokenExchange({
      shop,
      sessionToken: idToken,
      requestedTokenType: RequestedTokenType.OfflineAccessToken,
      expiring: true,
    }),
  );
  await ctx.sessionStorage.storeSession(session);
  return { session, isNew: !stored };
}

/** The stored offline session, for background work (webhooks, publishing) with no id token. */
export async function loadOfflineSession(
  ctx: AppContext,
  shop: string,
): Promise<Session | undefined> {
  const session = await ctx.sessionStorage.loadSession(ctx.shopify.session.getOfflineId(shop));
  return session?.accessToken ? session : undefined;
}
