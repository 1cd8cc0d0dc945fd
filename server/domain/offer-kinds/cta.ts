import type { OfferKindModule } from './offer-kind.js';

/** Trust / CTA banner: copy, an icon and an optional link; it sells nothing itself. */
export const cta: OfferKindModule<'cta'> = {
  kind: 'cta',
  productRefs: () => [],
  compile(spec, arms) {
    const variants = Object.fromEntries(
      spec.variants.map((v, i) => [
        arms[i] as string,
        { heading: v.heading, body: v.body, icon: v.icon, link: v.link },
      ]),
    );
    return { variants, products: [] };
  },
  discountedVariants: () => [],
  // A banner adds no line; its effect shows only in conversion and revenue per checkout.
  creditLine: () => 0,
};
