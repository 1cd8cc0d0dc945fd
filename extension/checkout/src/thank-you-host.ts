import type { CheckoutHost } from '../../../core/checkout-host';

/**
 * The part of Shopify's `shopify` global the Thank you block uses. The Thank you page has no cart
 * to change (no `applyCartLinesChange`, no discount codes to apply), so it is a narrower slice of
 * the checkout host; `test/extension/host-type.test.ts` checks Shopify's own `Api` for
 * `purchase.thank-you.block.render` still satisfies it.
 */
export type ThankYouHost = Pick<
  CheckoutHost,
  | 'appMetafields'
  | 'lines'
  | 'cost'
  | 'localization'
  | 'buyerIdentity'
  | 'shippingAddress'
  | 'settings'
  | 'i18n'
  | 'sessionToken'
  | 'extension'
>;

/** The `shopify` global Shopify installs for the Thank you target. */
export function getThankYouHost(): ThankYouHost {
  return (globalThis as unknown as { shopify: ThankYouHost }).shopify;
}
