import type { Money, PublishedDiscount } from '../../../core/offers/published-config';

/**
 * What one offered item costs once the offer's code discount applies: a whole percentage off, or
 * a fixed number of minor units off each item, never below zero. Shopify computes the real
 * allocation in checkout; this is the price the widget promises, so it rounds the same way
 * (to the nearest minor unit).
 */
export function discountedPrice(
  price: Money,
  discount: PublishedDiscount | null | undefined,
): Money {
  if (!discount) return price;
  const off =
    discount.type === 'percentage'
      ? Math.round((price.amount * discount.value) / 100)
      : discount.value;
  return { amount: Math.max(0, price.amount - off), currencyCode: price.currencyCode };
}
