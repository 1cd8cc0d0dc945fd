import type { CheckoutHost } from '../../../core/checkout-host';

/**
 * Applies the offer's discount code after its product went into the cart. Reports success as a
 * boolean and never throws: a refused code (express checkout, a code the merchant deleted, a
 * network hiccup) must leave the widget working and say so in a banner.
 */
export async function applyOfferDiscount(
  host: Pick<CheckoutHost, 'applyDiscountCodeChange' | 'instructions'>,
  code: string,
): Promise<boolean> {
  if (!host.instructions.value.discounts.canUpdateDiscountCodes) return false;
  try {
    const result = await host.applyDiscountCodeChange({ type: 'addDiscountCode', code });
    return result.type === 'success';
  } catch {
    return false;
  }
}
