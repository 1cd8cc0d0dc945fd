import type { PublishedConfig, PublishedDiscount } from '../../../../core/offers/published-config';

/** A code the sandbox accepts: one published offer's discount, limited to that offer's variants. */
export interface SandboxDiscount extends PublishedDiscount {
  variantIds: string[];
}

/**
 * Shopify's code discount as Closer creates it, emulated from the published config: the offer
 * whose `discount.code` matches (codes are case-insensitive) names the type, the value and the
 * variants it is limited to (the offer's products). Null when no published offer has the code.
 */
export function findDiscount(config: PublishedConfig | null, code: string): SandboxDiscount | null {
  const wanted = code.trim().toUpperCase();
  for (const offer of config?.offers ?? []) {
    if (offer.discount && offer.discount.code.toUpperCase() === wanted) {
      return { ...offer.discount, variantIds: offer.products.map((p) => p.variantId) };
    }
  }
  return null;
}

/**
 * What a code takes off one line, in minor units: a percentage of the line price, or a fixed
 * amount off each item; never more than the line costs, nothing for variants it is not limited to.
 */
export function lineDiscount(
  discount: SandboxDiscount,
  line: { variantId: string; unitPrice: number; quantity: number },
): number {
  if (!discount.variantIds.includes(line.variantId)) return 0;
  const price = line.unitPrice * line.quantity;
  const off =
    discount.type === 'percentage'
      ? Math.round((price * discount.value) / 100)
      : discount.value * line.quantity;
  return Math.min(price, Math.max(0, off));
}

/** Every applied code's allocation on one line, in the order the codes were applied. */
export function lineAllocations(
  discounts: SandboxDiscount[],
  line: { variantId: string; unitPrice: number; quantity: number },
): { code: string; amount: number }[] {
  let left = line.unitPrice * line.quantity;
  const out: { code: string; amount: number }[] = [];
  for (const discount of discounts) {
    const amount = Math.min(left, lineDiscount(discount, line));
    if (amount > 0) out.push({ code: discount.code, amount });
    left -= amount;
  }
  return out;
}
