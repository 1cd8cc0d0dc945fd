import type { CheckoutHost, HostMoney } from '../../../../core/checkout-host';
import type { SandboxClock } from './clock';
import type { SandboxDiscount } from './discounts';

/**
 * What the sandbox page hands its extension frames (as `window.closerSandbox`) and what the
 * server embeds in the page. Shared by the page, the frames and the server that renders them.
 */
export interface SandboxVariant {
  id: string;
  productId: string;
  title: string;
  variantTitle: string | null;
  vendor: string;
  productType: string;
  imageUrl: string;
  /** Minor units of the shop currency. */
  price: number;
  available: boolean;
}

export interface SandboxData {
  shop: string;
  shopName: string;
  currency: string;
  /** The raw `$app.closer_config` metafield value the server published, if any. */
  config: string | null;
  catalog: SandboxVariant[];
  initialCart: { variantId: string; quantity: number }[];
  bundleUrl: string;
  localesUrl: string;
  /** The backend URL baked into the bundle ('' = the origin serving it). */
  bundleAppUrl: string;
  /**
   * Unique codes Closer handed out that this checkout may redeem (a next-order coupon's, an exit
   * coupon's): pooled codes are on the offer's Shopify discount but never in the published config.
   */
  pooledCodes: SandboxDiscount[];
}

/** A cart line in the shape Shopify gives `shopify.lines`. */
export interface SandboxCartLine {
  id: string;
  merchandise: {
    type: 'variant';
    id: string;
    title: string;
    subtitle?: string;
    image?: { url: string; altText?: string };
    product: { id: string; vendor: string; productType: string };
    selectedOptions: { name: string; value: string }[];
    requiresShipping: boolean;
  };
  quantity: number;
  /** After the line's discounts, as in Shopify. */
  cost: { totalAmount: HostMoney };
  attributes: { key: string; value: string }[];
  discountAllocations: { type: 'code'; code: string; discountedAmount: HostMoney }[];
  /** Not in Shopify's shape: the line before discounts, for the order summary's struck price. */
  undiscountedAmount: number;
}

export interface Store<T> {
  readonly value: T;
  subscribe(listener: (value: T) => void): () => void;
}

export type CartLineChange = Parameters<CheckoutHost['applyCartLinesChange']>[0];
export type CartLineChangeResult = Awaited<ReturnType<CheckoutHost['applyCartLinesChange']>>;
export type DiscountCodeChange = Parameters<CheckoutHost['applyDiscountCodeChange']>[0];
export type DiscountCodeChangeResult = Awaited<ReturnType<CheckoutHost['applyDiscountCodeChange']>>;

export interface ObservedEvent {
  target: string;
  type: string;
  arm: string;
  offerId: string;
  status: number | 'failed';
}

/** A banner link the extension followed; the sandbox records it instead of leaving checkout. */
export interface FollowedLink {
  target: string;
  href: string;
}

export interface SandboxHost {
  data: SandboxData;
  token: string;
  /** `?customer=`: the buyer's numeric customer id (the order's `customer.id`, the Thank you unit). */
  customerId: string;
  language: string;
  /** `?cannotAdd=1` turns it off: checkout refuses every line change, as in express checkout. */
  canAddCartLine: boolean;
  /** `?refuseCodes=1`: every discount code is refused. */
  refuseCodes: boolean;
  lines: Store<SandboxCartLine[]>;
  subtotal: Store<HostMoney>;
  discountCodes: Store<string[]>;
  followedLinks: Store<FollowedLink[]>;
  applyCartLinesChange(change: CartLineChange): Promise<CartLineChangeResult>;
  applyDiscountCodeChange(change: DiscountCodeChange): Promise<DiscountCodeChangeResult>;
  observeEvents(events: ObservedEvent[]): void;
  followLink(link: FollowedLink): void;
  /** The debug panel's "add to cart" (a trigger product for an upsell, say). */
  addToCart(variantId: string): void;
  /** The time the extension keeps (`shopify.clock`); the debug panel advances it. */
  clock: SandboxClock;
  /**
   * `shopify.storage`, shared by both frames as Shopify shares it between an extension's targets.
   * In memory: a reload is a new sandbox clock, so a start kept from before it would mislead.
   */
  storage: CheckoutHost['storage'];
}

export const SANDBOX_HOST_GLOBAL = 'closerSandbox';
