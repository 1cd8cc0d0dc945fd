import type { PublishedConfig, PublishedDiscount } from '../../../../core/offers/published-config';

/**
 * A code the sandbox accepts: one published offer's discount, limited to that offer's variants
 * (or, with `appliesTo: 'order'`, on the whole order), or one of the shop's own codes.
 */
export interface SandboxDiscount extends PublishedDiscount {
  variantIds: string[];
}

/**
 * The demo shop's own codes, not Closer's: a buyer may arrive with one already applied
 * (`?code=SPRING10`), which is what a hesitation coupon's "not to a buyer who already has a
 * code" is about. 10 % off the order.
 */
export const SHOP_CODES: readonly SandboxDiscount[] = [
  { code: 'SPRING10', type: 'percentage', value: 10, appliesTo: 'order', variantIds: [] },
];

/**
 * Shopify's code discount as Closer creates it, emulated from the published config: the offer
 * whose `discount.code` matches (codes are case-insensitive) names the type, the value and the
 * variants it is limited to (the offer's products), or the order. Then the shop's own codes.
 * Null when no one has the code.
 */
export function findDiscount(
  config: PublishedConfig | null,
  code: string,
  pooled: readonly SandboxDiscount[] = [],
): SandboxDiscount | null {
  const wanted = code.trim().toUpperCase();
  const handedOut = pooled.find((d) => d.code.toUpperCase() === wanted);
  if (handedOut) return handedOut;
  for (const offer of config?.offers ?? []) {
    if (offer.discount && offer.discount.code.toUpperCase() === wanted) {
      const variantIds =
        offer.discount.appliesTo === 'order' ? [] : offer.products.map((p) => p.variantId);
      return { ...offer.discount, variantIds };
    }
  }
  return SHOP_CODES.find((d) => d.code === wanted) ?? null;
}

export interface AllocationLine {
  variantId: string;
  unitPrice: number;
  quantity: number;
}

/**
 * Every applied code's allocation on every line, as Shopify orders them: the codes limited to
 * variants first (in the order applied), then the order codes. An order code applies only when
 * the subtotal after the earlier codes reaches its minimum; a percentage is taken off each line,
 * a fixed amount once, split across the lines by what is left of them (largest remainder, so the
 * parts add up to the amount), never more than the order costs.
 */
export function cartAllocations(
  discounts: readonly SandboxDiscount[],
  lines: readonly AllocationLine[],
): { code: string; amount: number }[][] {
  const left = lines.map((line) => line.unitPrice * line.quantity);
  const out: { code: string; amount: number }[][] = lines.map(() => []);
  const give = (index: number, code: string, amount: number) => {
    if (amount <= 0) return;
    out[index]?.push({ code, amount });
    left[index] = (left[index] ?? 0) - amount;
  };
  const ordered = [
    ...discounts.filter((d) => d.appliesTo !== 'order'),
    ...discounts.filter((d) => d.appliesTo === 'order'),
  ];
  for (const discount of ordered) {
    if (discount.appliesTo !== 'order') {
      lines.forEach((line, i) => {
        give(i, discount.code, Math.min(left[i] ?? 0, lineDiscount(discount, line)));
      });
      continue;
    }
    const subtotal = left.reduce((sum, amount) => sum + amount, 0);
    if (discount.minimumSubtotal && subtotal < discount.minimumSubtotal) continue;
    const shares =
      discount.type === 'percentage'
        ? left.map((amount) => Math.round((amount * discount.value) / 100))
        : splitByWeight(Math.min(subtotal, Math.max(0, discount.value)), left);
    for (const [i, amount] of shares.entries()) give(i, discount.code, amount);
  }
  return out;
}

/** `total` in whole minor units, split in proportion to `weights`, the parts adding up to it. */
function splitByWeight(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, i) => ({ i, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  for (const { i } of byRemainder) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest -= 1;
  }
  return parts;
}

/**
 * What a code takes off one line, in minor units: a percentage of the line price, or a fixed
 * amount off each item; never more than the line costs, nothing for variants it is not limited to.
 */
export function lineDiscount(discount: SandboxDiscount, line: AllocationLine): number {
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
  line: AllocationLine,
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
