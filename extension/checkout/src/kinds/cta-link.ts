import type { CheckoutHost } from '../../../../core/checkout-host';
import type { CtaIcon } from '../../../../core/offers/catalog';

/**
 * Closer's banner icons as Polaris icon names of checkout (2026-07). Checkout has no shield, so
 * a guarantee shows the check mark in a circle.
 */
export const CTA_ICON_TYPES = {
  shield: 'check-circle',
  truck: 'truck',
  return: 'return',
  lock: 'lock',
  star: 'star',
} as const satisfies Record<CtaIcon, string>;

/**
 * Where a banner link goes. The server only publishes https URLs and shop-relative paths
 * (`/pages/returns`); a path is resolved against the storefront, since checkout runs on another
 * origin. Anything else (a config edited by hand) is dropped rather than rendered.
 */
export function resolveLinkHref(url: string, shop: CheckoutHost['shop']): string | null {
  try {
    if (/^\/(?![/\\])/.test(url)) {
      const base = shop.storefrontUrl || `https://${shop.myshopifyDomain}`;
      return new URL(url, base).href;
    }
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
