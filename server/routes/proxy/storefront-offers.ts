import type { StorefrontOfferSpec } from '../../../core/storefront/build-config.js';
import type { AppContext } from '../../app-context.js';

/** A shop's storefront offers with their server-only fields (the shared code). */
export type ReadStorefrontOffers = (shop: string) => Promise<readonly StorefrontOfferSpec[]>;

/**
 * Where the App Proxy's coupon route finds a shop's storefront offers. Interim: the coupon kinds
 * are not in the offer contract or the database yet, so nothing in Shopify mode provides offers
 * and the route answers 404 there; demo mode provides its demo offer (server/demo/storefront).
 * When the kinds land, this becomes a read of the shop's active storefront offers. Kept beside
 * the route, keyed by the context it serves, so several apps in one process (tests) never share.
 */
const sources = new WeakMap<AppContext, ReadStorefrontOffers>();

export function provideStorefrontOffers(ctx: AppContext, read: ReadStorefrontOffers): void {
  sources.set(ctx, read);
}

export function storefrontOffersOf(ctx: AppContext): ReadStorefrontOffers {
  return sources.get(ctx) ?? (async () => []);
}
