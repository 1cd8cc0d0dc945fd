import { compileKindContent } from '../../../core/offers/compile-content.js';
import type { OfferKindModule } from './offer-kind.js';

/**
 * Hesitation coupon: checkout's own exit intent. After the buyer has stayed the set time without
 * paying, the treatment reveals an order-level discount code, applied with one tap. It adds no
 * line, so nothing is credited on a line: what it did is the difference between the arms in
 * revenue per checkout, and revenue is after discounts, so that difference is net of what the
 * coupon gave away.
 */
export const hesitationCoupon: OfferKindModule<'hesitation_coupon'> = {
  kind: 'hesitation_coupon',
  productRefs: () => [],
  compile: (spec, arms, products) => compileKindContent('hesitation_coupon', spec, arms, products),
  discountedVariants: () => [],
  orderDiscount: (spec) => ({ minimumSubtotal: spec.minimumSubtotal }),
  creditLine: () => 0,
  // Did it recover checkouts that would have been abandoned, or only discount orders that would
  // have been placed anyway? Incremental revenue net of the discount answers it; say so.
  report: {
    definitions: {
      incrementalRevenue:
        '(Revenue per checkout of the variant − revenue per checkout of the holdout) × the variant’s checkouts, after every discount, the coupon’s own included. Above zero: the coupon recovered checkouts that would have been abandoned, by more than it gave away. Below zero: it mostly discounted orders that would have been placed anyway. Only checkouts that stayed the set time count, in both groups.',
      discounts:
        'Discounts on the arm’s orders as Shopify reports them (total_discounts): in the variant, mostly what the coupon gave away. Already taken off revenue, so incremental revenue is net of them.',
    },
    verdict: {
      metric: 'incremental revenue net of the coupon’s discount',
      positive: 'the coupon recovered checkouts that would have been abandoned.',
      negative: 'a loss: the coupon mostly discounted orders that would have been placed anyway.',
    },
  },
};
