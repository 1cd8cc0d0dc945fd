/**
 * The `?cart=` parameter: the cart a sandbox checkout starts with, as `variant:quantity` pairs
 * separated by commas (`20071:1,20012:2`; a full variant GID works too). Tests use it to put an
 * upsell's trigger product in the cart; the debug panel's "Add to cart" writes it, so a reload for
 * another checkout token keeps the cart.
 */
export type CartSeed = { variantId: string; quantity: number }[];

const VARIANT_GID = 'gid://shopify/ProductVariant/';

export function parseCartParam(value: string | null): CartSeed | null {
  if (!value) return null;
  const seed: CartSeed = [];
  for (const part of value.split(',')) {
    const match = /^(?:gid:\/\/shopify\/ProductVariant\/)?(\d{1,20})(?::(\d{1,2}))?$/.exec(
      part.trim(),
    );
    if (!match) continue;
    const quantity = Number(match[2] ?? '1');
    if (quantity >= 1) seed.push({ variantId: `${VARIANT_GID}${match[1]}`, quantity });
  }
  return seed;
}

export function formatCartParam(seed: CartSeed): string {
  return seed.map((l) => `${l.variantId.slice(VARIANT_GID.length)}:${l.quantity}`).join(',');
}
