import type { StorefrontConfig, StorefrontOffer } from './config';

/**
 * A storefront offer as the server holds it: the published part plus what never leaves the
 * server. Until the coupon kinds enter the offer contract and the minting pool exists, that is
 * one shared code per offer.
 */
export type StorefrontOfferSpec = StorefrontOffer & {
  /** Server only: the code a treatment visitor receives from the App Proxy after intent. */
  sharedCode: string;
};

/**
 * The config the server publishes to `$app` / `storefront_config` (and the demo storefront
 * inlines): highest priority first, ties in input order, and without the codes — the page is
 * public, so a holdout visitor could read anything in it.
 */
export function buildStorefrontConfig(
  shop: string,
  specs: readonly StorefrontOfferSpec[],
  now: number,
): StorefrontConfig {
  const offers = specs
    .filter((spec) => spec.pages.length > 0 && spec.experiment.arms.length > 0)
    .map(({ sharedCode: _server, ...published }) => published)
    .sort((a, b) => b.priority - a.priority);
  return { v: 1, shop, publishedAt: now, offers };
}
