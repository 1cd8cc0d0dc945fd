import { UPGRADED_FROM_ATTRIBUTE } from '../../../core/offers/catalog.js';
import { compileKindContent } from '../../../core/offers/compile-content.js';
import type { OfferKindModule } from './offer-kind.js';

/**
 * Upsell: while the cart holds a trigger variant, offer the replacement in its place. The line
 * is swapped keeping its quantity, so the offer earned only the price difference.
 */
export const upsell: OfferKindModule<'upsell'> = {
  kind: 'upsell',
  productRefs: (spec) => [...new Set([...spec.triggers, spec.replacement])],
  compile: (spec, arms, products) => compileKindContent('upsell', spec, arms, products),
  discountedVariants: (spec) => (spec.discount ? [spec.replacement] : []),
  creditLine(spec, line, products) {
    // The extension records which trigger it replaced; without that, the dearest trigger is
    // the conservative baseline (it credits the smallest difference).
    const from = line.properties[UPGRADED_FROM_ATTRIBUTE];
    const baseline =
      (from && spec.triggers.includes(from) ? products.get(from)?.price.amount : undefined) ??
      Math.max(...spec.triggers.map((id) => products.get(id)?.price.amount ?? 0));
    return Math.max(0, line.amount - baseline * line.quantity);
  },
};
