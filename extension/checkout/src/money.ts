import type { CheckoutHost } from '../../../core/checkout-host';
import type { Money } from '../../../core/decide/index';

/** Minor-unit digits of a currency (JPY 0, USD 2, KWD 3), as Intl knows them. */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/** Shopify's checkout money is a decimal number of major units; decide works in minor units. */
export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyDigits(currency));
}

/**
 * The offer price in the buyer's format, or null when the checkout's currency is not the one the
 * price was published in: a converted price would be a guess, and the real one shows in the order
 * summary as soon as the line is added.
 */
export function formatOfferPrice(
  i18n: CheckoutHost['i18n'],
  price: Money,
  checkoutCurrency: string,
): string | null {
  if (price.currencyCode !== checkoutCurrency) return null;
  return i18n.formatCurrency(price.amount / 10 ** currencyDigits(price.currencyCode), {
    currency: price.currencyCode,
  });
}
