import { compileKindContent } from '../../../core/offers/compile-content.js';
import type { OfferKindModule } from './offer-kind.js';

/** Trust / CTA banner: copy, an icon and an optional link; it sells nothing itself. */
export const cta: OfferKindModule<'cta'> = {
  kind: 'cta',
  productRefs: () => [],
  compile: (spec, arms, products) => compileKindContent('cta', spec, arms, products),
  discountedVariants: () => [],
  // A banner adds no line; its effect shows only in conversion and revenue per checkout.
  creditLine: () => 0,
};
