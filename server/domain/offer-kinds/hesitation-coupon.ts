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
};
