// What decide knows about a shopper, and the attribute names merchants' targeting
// conditions are written against. Keep this list and core/decide/README.md in step:
// renaming an attribute silently breaks every saved condition that uses it.

export type CartLine = {
  /** Product variant GID. */
  variantId: string;
  /** Product GID, when the surface exposes it. */
  productId?: string;
  quantity: number;
};

export type DecideContext = {
  cartLines: CartLine[];
  /** Cart subtotal in integer minor units of `currency`. */
  subtotal: number;
  /** Presentment currency of the checkout (ISO 4217). */
  currency: string;
  /** ISO 3166-1 alpha-2 shipping/buyer country, when known. */
  country?: string | null;
  /** Buyer locale, e.g. `en-CA`. */
  locale?: string | null;
  loggedIn: boolean;
  customerTags: string[];
  /** Epoch ms. Passed in rather than read from a clock so decisions are reproducible. */
  now: number;
};

/**
 * The attributes a targeting condition sees (GrowthBook condition language):
 * - `subtotal` number — cart subtotal, minor units of `currency` (pair it with a `currency`
 *   condition: 5000 is $50.00 but also ¥5000)
 * - `currency` string — presentment currency, e.g. `"USD"`
 * - `country` string | null — e.g. `"CA"`
 * - `locale` string | null — e.g. `"fr-CA"`
 * - `loggedIn` boolean
 * - `customerTags` string[] — use `{ customerTags: { $in: ["vip"] } }`
 * - `cartProductIds` string[] — product GIDs in the cart (deduplicated)
 * - `cartVariantIds` string[] — variant GIDs in the cart (deduplicated)
 * - `itemCount` number — sum of line quantities
 * - `lineCount` number — number of cart lines
 * - `hourOfDay` number — 0–23, UTC
 * - `dayOfWeek` number — 0–6, UTC, 0 = Sunday
 */
export type ConditionAttributes = {
  subtotal: number;
  currency: string;
  country: string | null;
  locale: string | null;
  loggedIn: boolean;
  customerTags: string[];
  cartProductIds: string[];
  cartVariantIds: string[];
  itemCount: number;
  lineCount: number;
  hourOfDay: number;
  dayOfWeek: number;
};

export function toConditionAttributes(context: DecideContext): ConditionAttributes {
  const lines = context.cartLines;
  const date = new Date(context.now);
  return {
    subtotal: context.subtotal,
    currency: context.currency,
    // null rather than undefined so `$exists: false` and `{ country: null }` both work.
    country: context.country ?? null,
    locale: context.locale ?? null,
    loggedIn: context.loggedIn,
    customerTags: context.customerTags,
    cartProductIds: unique(lines.map((l) => l.productId).filter((id) => id !== undefined)),
    cartVariantIds: unique(lines.map((l) => l.variantId)),
    itemCount: lines.reduce((sum, l) => sum + l.quantity, 0),
    lineCount: lines.length,
    // UTC because the extension cannot know the shop's time zone without another lookup.
    hourOfDay: date.getUTCHours(),
    dayOfWeek: date.getUTCDay(),
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
