import type { CheckoutHost } from '../../../core/checkout-host';
import type { Money, PublishedDiscount } from '../../../core/offers/published-config';
import { discountedPrice } from './discount-price';
import { formatOfferPrice } from './money';

/**
 * An offered item's price; with the offer's discount, the original struck through
 * (`type="redundant"`, Polaris' discounted-price text) beside what the buyer will pay.
 */
export function OfferPrice({
  host,
  price,
  discount,
}: {
  host: CheckoutHost;
  price: Money;
  discount: PublishedDiscount | null | undefined;
}) {
  const currency = host.localization.currency.value.isoCode;
  const now = discountedPrice(price, discount);
  const shown = formatOfferPrice(host.i18n, now, currency);
  if (!shown) return null;
  if (now.amount === price.amount) return <s-text color="subdued">{shown}</s-text>;
  return (
    <s-stack direction="inline" gap="small-300">
      <s-text type="redundant" color="subdued">
        {formatOfferPrice(host.i18n, price, currency)}
      </s-text>
      <s-text type="strong">{shown}</s-text>
    </s-stack>
  );
}
