// The config the server publishes to an app-owned shop metafield and the checkout extension
// reads from `shopify.appMetafields`. Plain types on purpose: the extension must not pay for a
// schema library, and the server builds it from validated offers.
import type { Condition } from '../decide/condition';
import type { CtaIcon, DiscountType, OfferKind, OfferTarget, UnitKind } from './catalog';

export type { OfferKind, OfferTarget } from './catalog';

export type ExperimentArm = {
  key: string;
  /** Share of covered units, a fraction; an experiment's weights sum to 1. */
  weight: number;
  /** A holdout arm renders nothing: it is the control that incrementality is measured against. */
  holdout: boolean;
};

export type PublishedExperiment = {
  key: string;
  /** Hash seed; changing it reshuffles every unit, so it stays fixed while an experiment runs. */
  seed: string;
  /** Fraction of eligible units in the experiment, 0..1. The rest see nothing and are not logged. */
  coverage: number;
  arms: ExperimentArm[];
  /**
   * What is randomised: the checkout token, the storefront visitor id or the customer id.
   * Absent means 'checkout' (configs published before units had kinds).
   */
  unit?: UnitKind;
};

export type Money = {
  /** Integer minor units (cents). */
  amount: number;
  currencyCode: string;
};

export type OfferProduct = {
  /** Product variant GID, e.g. `gid://shopify/ProductVariant/1`. */
  variantId: string;
  productId: string;
  title: string;
  variantTitle?: string | null;
  imageUrl?: string | null;
  price: Money;
  available: boolean;
};

/**
 * A Shopify code discount; the extension applies the code. Limited to the offered variants, or —
 * with `appliesTo: 'order'` — on the whole order.
 */
export type PublishedDiscount = {
  code: string;
  type: DiscountType;
  /** Percent (1..90), or minor units off each offered item (off the order, once, for 'order'). */
  value: number;
  /** 'order': an order-level discount (every line). Absent: the offer's products only. */
  appliesTo?: 'order';
  /** The code applies only from this subtotal up (minor units). */
  minimumSubtotal?: number | null;
};

/**
 * When the unit counts as exposed, for a kind that waits for a moment instead of showing at
 * render: the buyer has stayed `afterSeconds` in checkout without completing. Both arms log their
 * exposure at that moment (the holdout then shows nothing), and a buyer who pays or leaves sooner
 * is never exposed in either arm.
 */
export type PublishedTrigger = {
  /** Counted from when the extension first rendered for this checkout. */
  afterSeconds: number;
  /** Never fires while the checkout holds a discount code other than the offer's own. */
  unlessCodeApplied: boolean;
};

/** What each non-holdout arm of a kind shows. Products are referenced by variant id. */
export type PublishedContent = {
  cross_sell: { heading: string; body: string; buttonLabel: string; products: string[] };
  upsell: { heading: string; body: string; buttonLabel: string };
  cta: {
    heading: string;
    body: string;
    icon: CtaIcon;
    link: { url: string; label: string } | null;
  };
  hesitation_coupon: { heading: string; body: string; buttonLabel: string };
  exit_coupon: { heading: string; body: string; buttonLabel: string };
  /**
   * The Thank you page's copy. The code is not published: the block asks the server for the
   * customer's own (POST /api/checkout/coupons), which also logs the exposure for both arms.
   */
  next_order_coupon: { heading: string; body: string; codeExpiryDays: number };
};

type PublishedOfferBase<K extends OfferKind> = {
  id: string;
  kind: K;
  target: OfferTarget;
  /** Higher shows first. */
  priority: number;
  /** Epoch ms, inclusive. */
  startsAt?: number | null;
  /** Epoch ms, exclusive. */
  endsAt?: number | null;
  /** Targeting over the attributes documented in core/decide/context.ts; absent = everyone. */
  condition?: Condition | null;
  experiment: PublishedExperiment;
  /** Content per arm key; every non-holdout arm has an entry. */
  variants: Record<string, PublishedContent[K]>;
  /**
   * Products the offer sells. Eligibility is decided on these for every arm alike (at least one
   * available and not yet in the cart), so the holdout is exposed exactly when a treatment would
   * have been; an arm then draws the ones its content names.
   */
  products: OfferProduct[];
  /** Eligible only while the cart holds one of these variants (an upsell's triggers). */
  requiresInCart?: string[];
  /** Absent: exposed when decided (at render). */
  trigger?: PublishedTrigger;
  discount?: PublishedDiscount | null;
};

export type PublishedOfferOf<K extends OfferKind> = PublishedOfferBase<K>;

export type PublishedOffer = { [K in OfferKind]: PublishedOfferBase<K> }[OfferKind];

export type PublishedConfig = {
  v: 2;
  shop: string;
  /** Shop currency (ISO 4217). */
  currency: string;
  publishedAt: number;
  offers: PublishedOffer[];
};
