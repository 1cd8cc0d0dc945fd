import { compileKindContent } from '../../../core/offers/compile-content.js';
import { intentSettingsOf } from '../../../core/storefront/intent-presets.js';
import type { OfferKindModule } from './offer-kind.js';

/**
 * Exit-intent coupon: on the storefront, when a visitor is about to leave, the treatment shows an
 * order-level discount with a code of its own (one per visitor, single use, from the offer's
 * pool: server/domain/coupon-pool.ts). The unit is the visitor (`_closer_vid`); it adds no line,
 * so nothing is credited on a line — its effect is the difference between arms in revenue per
 * visitor, which is after discounts and so net of what the coupon gave away. It publishes to the
 * storefront config, not to the checkout's (the checkout extension has no renderer for it).
 */
export const exitCoupon: OfferKindModule<'exit_coupon'> = {
  kind: 'exit_coupon',
  productRefs: () => [],
  compile: (spec, arms, products) => compileKindContent('exit_coupon', spec, arms, products),
  discountedVariants: () => [],
  orderDiscount: (spec) => ({
    minimumSubtotal: spec.minimumSubtotal,
    combinesWith: spec.combinesWith,
    usageLimit: 1,
  }),
  creditLine: () => 0,
  // A coupon that only subsidised visitors who would have bought anyway must read as a loss.
  report: {
    definitions: {
      incrementalRevenue:
        '(Revenue per visitor of the variant − revenue per visitor of the holdout) × the variant’s visitors, after every discount, the coupon’s own included. Above zero: the coupon kept visitors who would have left, by more than it gave away. Below zero: it mostly discounted orders that would have been placed anyway. Only visitors whose exit intent fired count, in both groups.',
      discounts:
        'Discounts on the arm’s orders as Shopify reports them (total_discounts): in the variant, mostly what the coupon gave away. Already taken off revenue, so incremental revenue is net of them.',
    },
    verdict: {
      metric: 'incremental revenue net of the coupon’s discount',
      positive: 'the coupon kept visitors who would have left without buying.',
      negative: 'a loss: the coupon mostly discounted orders that would have been placed anyway.',
    },
  },
  storefront: (spec, arms) => ({
    pages: spec.pages,
    intent: intentSettingsOf(spec.intent),
    variants: Object.fromEntries(
      spec.variants.map((v, i) => [
        arms[i] as string,
        { heading: v.heading, body: v.body, buttonLabel: v.buttonLabel },
      ]),
    ),
  }),
};
