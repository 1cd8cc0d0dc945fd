// What each kind publishes per content variant, from its contract input and the products it
// names. Pure and shared: the server compiles saved offers with it (server/domain/offer-kinds),
// the admin's live preview compiles the form being typed, so the preview shows what publishing
// would show.
import type { OfferKind } from './catalog';
import type { OfferInputOf } from './contract';
import type { OfferProduct, PublishedOfferOf } from './published-config';

/** An offer's kind-specific fields (the input without the fields every kind shares). */
export type KindSpecOf<K extends OfferKind> = Omit<
  OfferInputOf<K>,
  'name' | 'target' | 'condition' | 'priority' | 'startsAt' | 'endsAt' | 'holdout'
>;

/** The published parts a kind decides; the rest (schedule, experiment…) is the same for all. */
export type CompiledKind<K extends OfferKind> = Pick<
  PublishedOfferOf<K>,
  'variants' | 'products' | 'requiresInCart' | 'trigger'
>;

type Compile<K extends OfferKind> = (
  spec: KindSpecOf<K>,
  arms: readonly string[],
  products: ReadonlyMap<string, OfferProduct>,
) => CompiledKind<K>;

/** Each variant's content under its arm key (arms in the order of `spec.variants`). */
function byArm<V, C>(variants: readonly V[], arms: readonly string[], content: (v: V) => C) {
  return Object.fromEntries(variants.map((v, i) => [arms[i] as string, content(v)]));
}

const unique = (ids: string[]) => [...new Set(ids)];

/** The registry: a kind missing here fails the typecheck. */
const COMPILERS: { [K in OfferKind]: Compile<K> } = {
  // Up to three products per variant; eligibility is decided on the union of them all.
  cross_sell: (spec, arms, products) => ({
    variants: byArm(spec.variants, arms, (v) => ({
      heading: v.heading,
      body: v.body,
      buttonLabel: v.buttonLabel,
      products: v.products,
    })),
    products: unique(spec.variants.flatMap((v) => v.products)).flatMap(
      (id) => products.get(id) ?? [],
    ),
  }),
  // The replacement is the one product; the triggers decide when it is offered.
  upsell: (spec, arms, products) => {
    const replacement = products.get(spec.replacement);
    return {
      variants: byArm(spec.variants, arms, (v) => ({
        heading: v.heading,
        body: v.body,
        buttonLabel: v.buttonLabel,
      })),
      products: replacement ? [replacement] : [],
      requiresInCart: spec.triggers,
    };
  },
  // A banner sells nothing.
  cta: (spec, arms) => ({
    variants: byArm(spec.variants, arms, (v) => ({
      heading: v.heading,
      body: v.body,
      icon: v.icon,
      link: v.link,
    })),
    products: [],
  }),
  // A coupon sells no product; it waits for the buyer to hesitate, for both arms alike.
  hesitation_coupon: (spec, arms) => ({
    variants: byArm(spec.variants, arms, (v) => ({
      heading: v.heading,
      body: v.body,
      buttonLabel: v.buttonLabel,
    })),
    products: [],
    trigger: { afterSeconds: spec.delaySeconds, unlessCodeApplied: spec.skipIfCodeApplied },
  }),
  // Shown on the storefront, not in checkout: its storefront config is compiled from the same
  // copy (server/domain/offer-kinds/exit-coupon.ts); the code comes from the pool after intent.
  exit_coupon: (spec, arms) => ({
    variants: byArm(spec.variants, arms, (v) => ({
      heading: v.heading,
      body: v.body,
      buttonLabel: v.buttonLabel,
    })),
    products: [],
  }),
  // Nothing sells and nothing is decided on the cart: the Thank you block asks the server for the
  // customer's code, and that request is the exposure (both arms).
  next_order_coupon: (spec, arms) => ({
    variants: byArm(spec.variants, arms, (v) => ({
      heading: v.heading,
      body: v.body,
      codeExpiryDays: spec.codeExpiryDays,
    })),
    products: [],
  }),
};

/** The published content of one offer's kind. */
export function compileKindContent<K extends OfferKind>(
  kind: K,
  spec: KindSpecOf<K>,
  arms: readonly string[],
  products: ReadonlyMap<string, OfferProduct>,
): CompiledKind<K> {
  return COMPILERS[kind](spec, arms, products);
}
