import { LIMITS } from '../../../../core/offers/catalog.js';
import type { ProductDetail } from '../../../../core/offers/contract.js';
import type { Product, ProductVariant } from '../../api/types.js';

/** A checkout cross-sell shows at most three products; more crowds the checkout. */
export const MAX_PRODUCTS = LIMITS.productsPerVariant;

export function toProductDetail(product: Product, variant: ProductVariant): ProductDetail {
  return {
    variantId: variant.id,
    productId: product.id,
    title: product.title,
    variantTitle: variant.title,
    imageUrl: product.imageUrl,
    price: variant.price,
    available: variant.available,
  };
}

export function isSelected(selected: readonly ProductDetail[], variantId: string): boolean {
  return selected.some((item) => item.variantId === variantId);
}

export function addProduct(
  selected: readonly ProductDetail[],
  detail: ProductDetail,
  max: number = MAX_PRODUCTS,
): ProductDetail[] {
  if (isSelected(selected, detail.variantId) || selected.length >= max) {
    return [...selected];
  }
  return [...selected, detail];
}

export function removeProduct(
  selected: readonly ProductDetail[],
  variantId: string,
): ProductDetail[] {
  return selected.filter((item) => item.variantId !== variantId);
}

/** Shopify names the only variant of a product "Default Title"; merchants never see that. */
export function variantLabel(title: string, variantTitle: string | null): string {
  // Shopify names the only variant of a simple product "Default Title"; it is not a real option.
  if (!variantTitle || variantTitle === 'Default Title') return title;
  return `${title} — ${variantTitle}`;
}
