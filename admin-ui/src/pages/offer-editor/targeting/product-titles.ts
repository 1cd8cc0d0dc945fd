import type { ProductDetail } from '../../../../../core/offers/contract.js';

/**
 * A condition holds product GIDs only. The titles of products picked in this session are kept
 * here so they still show after a save (which rebuilds the form from the server's answer); the
 * offer's own products supply the rest. A product known by neither shows by its number.
 */
const picked = new Map<string, string>();

export function rememberProductTitle(productId: string, title: string): void {
  picked.set(productId, title);
}

export function productTitleLookup(
  details: readonly ProductDetail[],
): (productId: string) => string | null {
  return (productId) =>
    details.find((detail) => detail.productId === productId)?.title ??
    picked.get(productId) ??
    null;
}

/** "Product 8123" for a product whose title the editor does not know. */
export function fallbackProductLabel(productId: string): string {
  return `Product ${productId.split('/').pop() ?? productId}`;
}
