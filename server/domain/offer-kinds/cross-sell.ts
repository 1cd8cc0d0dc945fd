import { compileKindContent } from '../../../core/offers/compile-content.js';
import type { OfferKindModule } from './offer-kind.js';

/** Cross-sell: up to three extra products per variant, each added as its own line. */
export const crossSell: OfferKindModule<'cross_sell'> = {
  kind: 'cross_sell',
  productRefs: (spec) => [...new Set(spec.variants.flatMap((v) => v.products))],
  compile: (spec, arms, products) => compileKindContent('cross_sell', spec, arms, products),
  discountedVariants: (spec) => (spec.discount ? crossSell.productRefs(spec) : []),
  // The whole added line is the offer's doing.
  creditLine: (_spec, line) => Math.max(0, line.amount),
};
