import type { AppContext } from '../app-context.js';
import { createAdminGateway, type ShopLocale } from '../shopify/admin-gateway.js';
import { loadOfflineSession } from '../shopify/offline-session.js';
import { isAccessTokenRefused, ShopifyCallError } from '../shopify/upstream-errors.js';

/**
 * The languages the shop sells in, for the editor's preview. Null when Shopify cannot say right
 * now (busy, down, or the app lacks `read_locales`): the preview then offers the extension's own
 * languages, so a missing nicety never keeps the admin from loading. A refused access token is
 * still thrown, so the admin auth drops it and App Bridge retries as for every other call.
 */
export async function readShopLocales(ctx: AppContext, shop: string): Promise<ShopLocale[] | null> {
  const session = await loadOfflineSession(ctx, shop);
  if (!session) return null;
  try {
    // A nicety must not hold the admin's first load: a short budget, then the fallback.
    const quick = {
      ...ctx,
      shopifyCalls: { ...ctx.shopifyCalls, deadlineMs: 3_000, attemptTimeoutMs: 2_500 },
    };
    return await createAdminGateway(quick, session).fetchShopLocales();
  } catch (error) {
    if (!(error instanceof ShopifyCallError) || isAccessTokenRefused(error)) throw error;
    ctx.logger.warn('shop locales unavailable', { shop, kind: error.kind });
    return null;
  }
}
