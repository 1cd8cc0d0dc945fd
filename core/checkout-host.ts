import type { Api } from '@shopify/ui-extensions/purchase.checkout.block.render';

/**
 * The part of Shopify's `shopify` global this extension uses. Narrower than `Api` on purpose: the
 * pure helpers take it as a parameter (so tests pass a plain object), and the demo sandbox
 * implements exactly this surface. `test/extension/host-type.test.ts` checks that the real
 * `Api` of both targets still satisfies it.
 */
export interface Readable<T> {
  readonly value: T;
}

export interface HostCartLine {
  /** Not stable across changes: read it from `lines` right before using it. */
  id: string;
  merchandise: { id: string; product: { id: string } };
  quantity: number;
  /** After line-level discounts, in the checkout currency (decimal major units). */
  cost: { totalAmount: HostMoney };
  attributes: { key: string; value: string }[];
}

export interface HostMoney {
  amount: number;
  currencyCode: string;
}

/**
 * Time as the extension keeps it. Not part of Shopify's global: in checkout the extension uses the
 * real clock (`systemClock` in the extension); the demo sandbox passes one its debug panel (and a
 * test) can advance, so a timer is checked without waiting real seconds.
 */
export interface HostClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Runs `run` once `ms` have passed on this clock; answers a function that cancels it. */
  after(ms: number, run: () => void): () => void;
}

export interface CheckoutHost {
  appMetafields: Readable<{ metafield: { namespace: string; key: string; value: string } }[]>;
  lines: Readable<HostCartLine[]>;
  cost: { subtotalAmount: Readable<HostMoney> };
  localization: {
    currency: Readable<{ isoCode: string }>;
    language: Readable<{ isoCode: string }>;
    country: Readable<{ isoCode: string } | undefined>;
  };
  /** Absent without protected customer data access. */
  buyerIdentity?: { customer: Readable<{ id: string } | undefined> };
  shippingAddress?: Readable<{ countryCode?: string } | undefined>;
  checkoutToken: Readable<string | undefined>;
  /** The codes applied to the checkout, by the buyer or by an extension. */
  discountCodes: Readable<{ code: string }[]>;
  /** Key-value storage kept across reloads of this checkout (Shopify: localStorage, not guaranteed). */
  storage: Pick<Api['storage'], 'read' | 'write'>;
  /** Absent in checkout (see HostClock). */
  clock?: HostClock;
  settings: Readable<Record<string, string | number | boolean | undefined>>;
  instructions: Readable<{
    lines: { canAddCartLine: boolean; canUpdateCartLine: boolean };
    discounts: { canUpdateDiscountCodes: boolean };
  }>;
  /** Shop-relative banner links resolve against the storefront. */
  shop: { storefrontUrl?: string; myshopifyDomain: string };
  extension: { target: string; scriptUrl: string; editor?: unknown };
  i18n: Pick<Api['i18n'], 'formatCurrency' | 'translate'>;
  sessionToken: Api['sessionToken'];
  applyCartLinesChange: Api['applyCartLinesChange'];
  applyDiscountCodeChange: Api['applyDiscountCodeChange'];
}

/** The `shopify` global Shopify installs in the extension's worker before running the module. */
export function getHost(): CheckoutHost {
  return (globalThis as unknown as { shopify: CheckoutHost }).shopify;
}
