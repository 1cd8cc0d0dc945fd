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
  // The unit is a customer and the outcome their repeat orders: the report's figures per unit are
  // the repeat-purchase rate (orders per customer) and repeat revenue per customer. Say so.
  report: {
    definitions: {
      revenue:
        'Repeat revenue: the subtotals of the orders the arm’s customers placed after their Thank you page and inside the offer’s window, after every discount (the coupon’s own included), net of refunds. The order that showed the Thank you page is never counted.',
      incrementalRevenue:
        '(Repeat revenue per customer of the variant − repeat revenue per customer of the holdout) × the variant’s customers, after every discount, the coupon’s own included. Above zero: the coupon brought customers back by more than it gave away. Below zero: it mostly discounted orders they would have placed anyway.',
      discounts:
        'Discounts on the arm’s repeat orders as Shopify reports them (total_discounts): in the variant, mostly the next-order codes redeemed. Already taken off revenue, so incremental revenue is net of them.',
    },
    verdict: {
      metric: 'incremental repeat revenue net of the coupon’s discount',
      positive: 'the coupon brought customers back for orders they would not have placed.',
      negative: 'a loss: the coupon mostly discounted orders customers would have placed anyway.',
    },
  },
};
