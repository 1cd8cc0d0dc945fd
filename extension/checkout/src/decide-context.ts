import type { CheckoutHost } from '../../../core/checkout-host';
import type { DecideContext } from '../../../core/decide/index';
import { toMinorUnits } from './money';

/**
 * The decide context from what checkout exposes. Reading `.value` inside a render subscribes the
 * component (Shopify hands the extension Preact signals), so the decision follows the cart.
 * Customer tags are not exposed to checkout extensions, so `customerTags` is always empty here.
 */
export function buildDecideContext(
  host: Pick<CheckoutHost, 'cost' | 'lines' | 'localization' | 'shippingAddress' | 'buyerIdentity'>,
  now: number,
): DecideContext {
  const subtotal = host.cost.subtotalAmount.value;
  const currency = subtotal.currencyCode || host.localization.currency.value.isoCode;
  return {
    cartLines: host.lines.value.map((line) => ({
      variantId: line.merchandise.id,
      productId: line.merchandise.product.id,
      quantity: line.quantity,
    })),
    subtotal: toMinorUnits(subtotal.amount, currency),
    currency,
    // The market country is known from the start; the shipping address only once it is typed
    // (and only with protected data access), so it is the fallback.
    country:
      host.localization.country.value?.isoCode ?? host.shippingAddress?.value?.countryCode ?? null,
    locale: host.localization.language.value.isoCode,
    loggedIn: Boolean(host.buyerIdentity?.customer.value),
    customerTags: [],
    now,
  };
}
