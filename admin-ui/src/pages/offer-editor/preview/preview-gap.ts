import type { PublishedOffer } from '../../../../../core/offers/published-config.js';
import type { Placement } from '../../../../../extension/checkout/src/choose-offer.js';

/**
 * Why the preview shows less than the merchant may expect, in their words: what the offer still
 * needs, why shoppers would see nothing, or which products shoppers will not be offered. Null when
 * the preview shows the offer whole. Read from the published offer only (products, the products
 * it waits for in the cart, each arm's own list), so no kind is named here.
 */
export function previewGap(offer: PublishedOffer, placement: Placement | null): string | null {
  const waitsForCart = offer.requiresInCart !== undefined;
  const unavailable = offer.products.filter((p) => !p.available);
  if (waitsForCart && offer.requiresInCart?.length === 0)
    return 'Pick the product shoppers must have in their cart to see the preview.';
  if (waitsForCart && offer.products.length === 0)
    return 'Pick the product to offer in its place to see the preview.';
  const content = placement
    ? (offer.variants[placement.decision.arm] as { products?: string[] } | undefined)
    : undefined;
  if (content?.products?.length === 0)
    return 'Pick at least one product for this variant to see the preview.';
  if (!placement) {
    if (offer.products.length > 0 && unavailable.length === offer.products.length)
      return 'Every product this offer sells is sold out: shoppers see nothing until one is back in stock.';
    return 'Shoppers would see nothing with these settings.';
  }
  if (unavailable.length > 0)
    return `Sold out, so not offered to shoppers: ${unavailable.map((p) => p.title).join(', ')}.`;
  return null;
}
