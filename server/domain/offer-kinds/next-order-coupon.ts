import { compileKindContent } from '../../../core/offers/compile-content.js';
import type { OfferKindModule } from './offer-kind.js';

/**
 * Next-order coupon: on the Thank you page, the treatment shows the customer a code of their own
 * for their next order, with a copy button and an expiry; the holdout shows nothing. The unit is
 * the customer and the outcome their repeat purchases within the offer's window (the
 * experiment's `outcome_window_ms`): only orders placed after the exposure count, so the order
 * that showed the page never does. The code is never published: the block asks the server
 * (routes/checkout/coupons.ts), which logs the exposure for both arms and hands a treatment
 * customer a single-use code from the offer's pool (domain/coupon-pool.ts, keyed by customer).
 */
export const nextOrderCoupon: OfferKindModule<'next_order_coupon'> = {
  kind: 'next_order_coupon',
  productRefs: () => [],
  compile: (spec, arms, products) => compileKindContent('next_order_coupon', spec, arms, products),
  discountedVariants: () => [],
  // Pooled codes: Shopify's usageLimit counts each redeem code on its own, so 1 is single use.
  orderDiscount: () => ({ minimumSubtotal: null, usageLimit: 1 }),
  codeIsPrivate: true,
  outcomeWindowMs: (spec) => spec.outcomeWindowDays * 86_400_000,
  // It adds no line; its effect is the difference in repeat revenue per customer between arms,
  // after discounts, so net of what the coupon gave away.
  creditLine: () => 0,
};
