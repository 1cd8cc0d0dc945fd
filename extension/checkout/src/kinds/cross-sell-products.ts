import { LIMITS } from '../../../../core/offers/catalog';
import type { OfferProduct, PublishedContent } from '../../../../core/offers/published-config';

/**
 * The products a cross-sell arm shows now: the ones its content names, in its order, that decide
 * still lists as eligible (available, not in the cart). An added product is in the cart, so it
 * leaves the list on the next render.
 */
export function productsToShow(
  content: PublishedContent['cross_sell'],
  eligible: OfferProduct[],
): OfferProduct[] {
  const byId = new Map(eligible.map((p) => [p.variantId, p]));
  return content.products.slice(0, LIMITS.productsPerVariant).flatMap((id) => byId.get(id) ?? []);
}

/** "Title — Variant" when the variant has a name of its own. */
export function productTitle(product: OfferProduct): string {
  return product.variantTitle ? `${product.title} — ${product.variantTitle}` : product.title;
}
