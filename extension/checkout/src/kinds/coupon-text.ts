import type { CheckoutHost } from '../../../../core/checkout-host';
import type { PublishedDiscount } from '../../../../core/offers/published-config';
import { formatOfferPrice } from '../money';

type I18n = CheckoutHost['i18n'];

/**
 * What an order coupon takes off, in the buyer's words: "10% off your order", "$5.00 off your
 * order". Null for a fixed amount in a currency other than the checkout's: a converted amount
 * would be a guess (the order summary shows the real one once the code is applied).
 */
export function couponSaving(
  i18n: I18n,
  discount: PublishedDiscount,
  checkoutCurrency: string,
  shopCurrency: string,
): string | null {
  if (discount.type === 'percentage') {
    return i18n.translate('coupon.percentOff', { percent: discount.value });
  }
  const amount = formatOfferPrice(
    i18n,
    { amount: discount.value, currencyCode: shopCurrency },
    checkoutCurrency,
  );
  return amount && i18n.translate('coupon.amountOff', { amount });
}

/** "On orders of $50.00 or more", or null without a minimum (or in another currency). */
export function couponMinimum(
  i18n: I18n,
  discount: PublishedDiscount,
  checkoutCurrency: string,
  shopCurrency: string,
): string | null {
  if (!discount.minimumSubtotal) return null;
  const amount = formatOfferPrice(
    i18n,
    { amount: discount.minimumSubtotal, currencyCode: shopCurrency },
    checkoutCurrency,
  );
  return amount && i18n.translate('coupon.minimum', { amount });
}
