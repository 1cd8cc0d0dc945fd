import type { OfferKind } from '../../../core/offers/catalog.js';
import type { CompiledKind, KindSpecOf } from '../../../core/offers/compile-content.js';
import type { CombinesWith } from '../../../core/offers/contract.js';
import type { OfferProduct } from '../../../core/offers/published-config.js';
import type { StorefrontOffer } from '../../../core/storefront/config.js';
import type { OrderLine } from '../../../drizzle/schema.js';
import type { ReportDefinitions } from '../report-types.js';
import type { VerdictWording } from '../report-verdict.js';

export type { CompiledKind } from '../../../core/offers/compile-content.js';

/** An offer's kind-specific fields as stored (the input without the fields every kind shares). */
export type OfferSpecOf<K extends OfferKind> = KindSpecOf<K>;

/**
 * What the server knows about one offer kind. Validation is the contract's (core/offers); this is
 * everything else a kind decides: which products it snapshots, what it publishes, what its
 * discount covers and how much of an order line it earned.
 */
export interface OfferKindModule<K extends OfferKind> {
  kind: K;
  /** Variant GIDs whose details are snapshotted from Admin GraphQL when the offer is saved. */
  productRefs(spec: OfferSpecOf<K>): string[];
  /**
   * The published content per arm key (arms in the order of `spec.variants`): the pure
   * `compileKindContent` of core/offers, which the admin's live preview runs too.
   */
  compile(
    spec: OfferSpecOf<K>,
    arms: readonly string[],
    products: ReadonlyMap<string, OfferProduct>,
  ): CompiledKind<K>;
  /** Variants the offer's discount applies to; empty when the kind has no discount. */
  discountedVariants(spec: OfferSpecOf<K>): string[];
  /**
   * For a kind whose discount is on the whole order rather than on `discountedVariants`: an
   * order-level code discount (`customerGets.items.all`), a fixed value off the order once, from
   * `minimumSubtotal` (minor units) up, or any order when null.
   */
  orderDiscount?(spec: OfferSpecOf<K>): {
    minimumSubtotal: number | null;
    /** Other discounts the code stacks with; absent: the order default (no other order code). */
    combinesWith?: CombinesWith;
    /**
     * Uses allowed per redeem code (Shopify's `usageLimit` counts each code of a discount
     * separately); 1 for a kind that hands every visitor their own code from a pool.
     */
    usageLimit?: number;
  };
  /**
   * The code is handed out by the server to the units that should get it, never published in
   * the config every shopper's extension can read.
   */
  codeIsPrivate?: boolean;
  /**
   * For a kind whose unit is the customer: how long after the exposure their orders count, in ms
   * (the experiment's `outcome_window_ms`). Absent: the default customer window.
   */
  outcomeWindowMs?(spec: OfferSpecOf<K>): number;
  /**
   * For a storefront kind: what it publishes to `$app` / `storefront_config` per arm key (pages,
   * intent settings, copy). The shared parts (id, schedule, experiment) are added by the caller.
   */
  storefront?(
    spec: OfferSpecOf<K>,
    arms: readonly string[],
  ): Pick<StorefrontOffer, 'pages' | 'intent' | 'variants'>;
  /**
   * The kind's own words in its report, where the generic ones would not say what the figures
   * mean for it: definitions that replace the shared ones, and the verdict's wording.
   */
  report?: { definitions?: Partial<ReportDefinitions>; verdict?: VerdictWording };
  /**
   * Revenue credited to the offer for an order line that carries its attribute (line amount
   * after line discounts, minor units). Never negative.
   */
  creditLine(
    spec: OfferSpecOf<K>,
    line: OrderLine,
    products: ReadonlyMap<string, OfferProduct>,
  ): number;
}

/** The stored spec of any kind, discriminated on `kind`. */
export type OfferSpec = { [K in OfferKind]: OfferSpecOf<K> }[OfferKind];
