// The config the server publishes to an app-owned shop metafield and the checkout extension
// reads from `shopify.appMetafields`. Plain types on purpose: the extension must not pay for
// a schema library, and the server validates before it publishes.

import type { Condition } from './condition';

export type OfferKind = 'cross_sell' | 'upsell' | 'cta' | 'coupon' | 'thank_you';

export type OfferTarget = 'checkout_block' | 'cart_line_list_after' | 'thank_you_block';

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
};

/** What a non-holdout arm shows. */
export type OfferContent = {
  heading: string;
  body: string;
  buttonLabel: string;
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

export type PublishedOffer = {
  id: string;
  kind: OfferKind;
  target: OfferTarget;
  /** Higher shows first. */
  priority: number;
  /** Epoch ms, inclusive. */
  startsAt?: number | null;
  /** Epoch ms, exclusive. */
  endsAt?: number | null;
  /** Targeting over the attributes documented in context.ts; absent = everyone. */
  condition?: Condition | null;
  experiment: PublishedExperiment;
  /** Content per arm key; every non-holdout arm must have an entry (checked at publish). */
  variants: Record<string, OfferContent>;
  /** Empty for offers that sell no product (CTA, coupon, most thank-you offers). */
  products: OfferProduct[];
};

export type PublishedConfig = {
  v: 1;
  shop: string;
  /** Shop currency (ISO 4217). */
  currency: string;
  publishedAt: number;
  offers: PublishedOffer[];
};
