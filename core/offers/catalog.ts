// The offer catalogue: which kinds exist, where each can show, and the limits every side checks.
// Plain values only (no schema library): the checkout extension imports this file, and what it
// imports is shipped to every shopper. The zod contract in ./contract.ts is built from these.

/** Every offer kind Closer can create. Adding a kind starts here (docs/architecture.md, "Adding an offer kind"). */
export const OFFER_KINDS = [
  'cross_sell',
  'upsell',
  'cta',
  'hesitation_coupon',
  'exit_coupon',
  'next_order_coupon',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Where a widget can be drawn. A surface is a page a shopper is on; a target is a slot in it. */
export const SURFACES = ['checkout', 'thank_you', 'storefront'] as const;
export type Surface = (typeof SURFACES)[number];

export const OFFER_TARGETS = [
  'checkout_block',
  'cart_line_list_after',
  'storefront_embed',
  'thank_you_block',
] as const;
export type OfferTarget = (typeof OFFER_TARGETS)[number];

export const TARGET_INFO: Record<
  OfferTarget,
  { surface: Surface; label: string; extensionTarget: string }
> = {
  checkout_block: {
    surface: 'checkout',
    label: 'Checkout block (placed in the checkout editor)',
    extensionTarget: 'purchase.checkout.block.render',
  },
  cart_line_list_after: {
    surface: 'checkout',
    label: 'Below the cart lines in checkout',
    extensionTarget: 'purchase.checkout.cart-line-list.render-after',
  },
  // The theme app extension's app embed (extension/storefront/blocks/closer-embed.liquid); the
  // checkout extension has no renderer for it and never draws it.
  storefront_embed: {
    surface: 'storefront',
    label: 'Storefront, when the visitor is about to leave (theme app embed)',
    extensionTarget: 'closer-embed',
  },
  // A block the merchant places on the Thank you page (after payment); the checkout extension
  // renders it from its own module (extension/checkout/src/ThankYouBlock.tsx).
  thank_you_block: {
    surface: 'thank_you',
    label: 'Thank you page block (placed in the checkout editor)',
    extensionTarget: 'purchase.thank-you.block.render',
  },
};

/**
 * What an experiment randomises and measures: a checkout (its token), a storefront visitor (the
 * `_closer_vid` the theme embed keeps) or a customer (Shopify's customer id). An order reaches its
 * units through the link written when `orders/create` arrives (docs/architecture.md, "Data").
 */
export const UNIT_KINDS = ['checkout', 'visitor', 'customer'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const KIND_INFO: Record<
  OfferKind,
  { label: string; summary: string; targets: readonly OfferTarget[]; unit: UnitKind }
> = {
  cross_sell: {
    label: 'Cross-sell',
    summary: 'Offers up to three more products in checkout, each with its own Add button.',
    targets: ['checkout_block', 'cart_line_list_after'],
    unit: 'checkout',
  },
  upsell: {
    label: 'Upsell',
    summary:
      'When the cart holds a chosen product, offers a better variant in its place with one tap.',
    targets: ['checkout_block', 'cart_line_list_after'],
    unit: 'checkout',
  },
  cta: {
    label: 'Trust banner',
    summary: 'A short message with an icon and an optional link — shipping, returns, guarantees.',
    targets: ['checkout_block', 'cart_line_list_after'],
    unit: 'checkout',
  },
  hesitation_coupon: {
    label: 'Hesitation coupon',
    summary:
      'When a buyer lingers in checkout without paying, reveals a discount on the order, applied with one tap.',
    targets: ['checkout_block', 'cart_line_list_after'],
    unit: 'checkout',
  },
  exit_coupon: {
    label: 'Exit-intent coupon',
    summary:
      'When a storefront visitor is about to leave, shows a one-time discount code for the order.',
    targets: ['storefront_embed'],
    unit: 'visitor',
  },
  next_order_coupon: {
    label: 'Next-order coupon',
    summary:
      'On the Thank you page, gives the customer a code of their own for their next order; measured by repeat purchases.',
    targets: ['thank_you_block'],
    unit: 'customer',
  },
};

/** The icons a banner can show; each maps to a Polaris icon in the extension. */
export const CTA_ICONS = ['shield', 'truck', 'return', 'lock', 'star'] as const;
export type CtaIcon = (typeof CTA_ICONS)[number];

export const DISCOUNT_TYPES = ['percentage', 'fixed'] as const;
export type DiscountType = (typeof DISCOUNT_TYPES)[number];

/** Every length, count and range the contract enforces; the admin UI shows the same numbers. */
export const LIMITS = {
  name: 120,
  heading: 80,
  body: 280,
  buttonLabel: 30,
  linkLabel: 30,
  linkUrl: 500,
  productsPerVariant: 3,
  variants: 3,
  triggers: 10,
  holdoutMax: 0.5,
  priority: 1000,
  percentOffMax: 90,
  /** Minor units; a fixed discount above this is surely a typo (1,000,000.00). */
  fixedOffMax: 100_000_000,
  conditionChars: 4000,
  /** Seconds a buyer stays in checkout before a hesitation coupon shows: 10 s to 30 min. */
  hesitationDelayMin: 10,
  hesitationDelayMax: 1800,
  hesitationDelayDefault: 45,
  /** Hours an exit coupon's code stays valid after it is handed out: 1 h to 30 days. */
  exitCodeExpiryMin: 1,
  exitCodeExpiryMax: 720,
  exitCodeExpiryDefault: 48,
  /** Seconds on a page before exit intent may fire, and of inactivity that counts (0: off). */
  exitSecondsMax: 3600,
  /** Hours between two triggers for one visitor: 1 h to 30 days. */
  exitFrequencyCapMax: 720,
  /** Days a next-order code stays valid after the Thank you page showed it: 1 day to a year. */
  nextOrderExpiryDaysMin: 1,
  nextOrderExpiryDaysMax: 365,
  nextOrderExpiryDaysDefault: 30,
  /** Days after the exposure in which a customer's orders count as repeat purchases. */
  outcomeWindowDaysMin: 1,
  outcomeWindowDaysMax: 365,
  outcomeWindowDaysDefault: 30,
} as const;

/**
 * Arm keys of an offer's content variants, in order. The first keeps the name single-variant
 * offers always had, so their experiments and reports read the same.
 */
export const VARIANT_ARMS = ['treatment', 'treatment_b', 'treatment_c'] as const;
export const HOLDOUT_ARM = 'holdout';

/** "Variant A" for the first content variant, "Holdout" for the control. */
export function armLabel(arm: string): string {
  if (arm === HOLDOUT_ARM) return 'Holdout';
  const index = (VARIANT_ARMS as readonly string[]).indexOf(arm);
  return index >= 0 ? `Variant ${String.fromCharCode(65 + index)}` : arm;
}

/** The cart line attribute the extension sets on lines it adds or upgrades: `offerId:arm`. */
export const OFFER_LINE_ATTRIBUTE = '_closer_offer';

/** Set beside it on a line an upsell upgraded: the variant GID the line was before. */
export const UPGRADED_FROM_ATTRIBUTE = '_closer_from';

/** The cart attribute (an order's `note_attributes`) carrying the storefront visitor id. */
export const VISITOR_ATTRIBUTE = '_closer_vid';
