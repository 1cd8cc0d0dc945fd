import { sql } from 'drizzle-orm';
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';
import type { OfferKind, OfferTarget, UnitKind } from '../core/offers/catalog.js';
import type { OfferStatus } from '../core/offers/contract.js';
import type { OfferSpec } from '../server/domain/offer-kinds/offer-kind.js';

/**
 * The database schema. Every table except `shopify_sessions` carries `shop` (the
 * `*.myshopify.com` domain) as the leading key, so every query can be and is scoped to one shop.
 * Times are UTC epoch milliseconds in `…At` columns; money is integer minor units in the shop's
 * currency.
 */

/** Exactly the columns `@shopify/shopify-app-session-storage-drizzle` (SQLite) reads and writes. */
export const shopifySessions = sqliteTable(
  'shopify_sessions',
  {
    id: text('id').primaryKey(),
    shop: text('shop').notNull(),
    state: text('state').notNull(),
    isOnline: integer('isOnline', { mode: 'boolean' }).notNull().default(false),
    scope: text('scope'),
    expires: text('expires'),
    accessToken: text('accessToken').notNull(),
    userId: blob('userId', { mode: 'bigint' }),
    firstName: text('firstName'),
    lastName: text('lastName'),
    email: text('email'),
    accountOwner: integer('accountOwner', { mode: 'boolean' }),
    locale: text('locale'),
    collaborator: integer('collaborator', { mode: 'boolean' }),
    emailVerified: integer('emailVerified', { mode: 'boolean' }),
    refreshToken: text('refreshToken'),
    refreshTokenExpires: text('refreshTokenExpires'),
  },
  (t) => [index('shopify_sessions_shop_idx').on(t.shop)],
);

export interface ShopSettings {
  /** Share of units held out (no widget) in new experiments, 0–0.5. */
  defaultHoldout: number;
  /** How reports judge results: p-values and intervals, or chance to win. */
  statsEngine?: 'frequentist' | 'bayesian';
  /** Always-valid (sequential) intervals, safe to peek at daily. On unless turned off. */
  sequential?: boolean;
}

export const shops = sqliteTable('shops', {
  shop: text('shop').primaryKey(),
  name: text('name'),
  /** `gid://shopify/Shop/…`, the owner of the published config metafield. */
  shopGid: text('shop_gid'),
  currency: text('currency').notNull().default('USD'),
  plan: text('plan'),
  settings: text('settings', { mode: 'json' })
    .$type<ShopSettings>()
    .notNull()
    .default(sql`'{"defaultHoldout":0.1}'`),
  installedAt: integer('installed_at').notNull(),
  uninstalledAt: integer('uninstalled_at'),
  updatedAt: integer('updated_at').notNull(),
});

export interface OrderLine {
  id: string;
  productId: string | null;
  variantId: string | null;
  quantity: number;
  /** Line price × quantity minus line-level discounts, minor units, shop currency. */
  amount: number;
  /** Line item properties (cart line attributes), e.g. `_closer_offer`. */
  properties: Record<string, string>;
}

export const orders = sqliteTable(
  'orders',
  {
    shop: text('shop').notNull(),
    orderId: text('order_id').notNull(),
    name: text('name'),
    checkoutToken: text('checkout_token'),
    cartToken: text('cart_token'),
    customerId: text('customer_id'),
    currency: text('currency').notNull(),
    /** Merchandise revenue after discounts, before shipping and tax (shop currency). */
    subtotal: integer('subtotal').notNull(),
    total: integer('total').notNull(),
    totalDiscounts: integer('total_discounts').notNull(),
    totalTax: integer('total_tax').notNull(),
    /** Sum of refunded merchandise (from refunds/create), so net revenue = subtotal − refunded. */
    refunded: integer('refunded').notNull().default(0),
    lines: text('lines', { mode: 'json' }).$type<OrderLine[]>().notNull(),
    /** Cart/checkout attributes such as the storefront visitor id. */
    attributes: text('attributes', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    createdAt: integer('created_at').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.orderId] }),
    index('orders_shop_checkout_idx').on(t.shop, t.checkoutToken),
    index('orders_shop_customer_idx').on(t.shop, t.customerId),
    index('orders_shop_created_idx').on(t.shop, t.createdAt),
  ],
);

/**
 * Which units an order belongs to, written with the order when `orders/create` arrives: its
 * checkout token ('checkout'), the `_closer_vid` cart attribute ('visitor'), its customer id
 * ('customer'). The rollup triggers and every report join read this link, never the order's own
 * columns, so each unit kind is measured the same way. Deleted with its order (trigger, 0006).
 */
export const orderUnits = sqliteTable(
  'order_units',
  {
    shop: text('shop').notNull(),
    orderId: text('order_id').notNull(),
    unitKind: text('unit_kind').$type<UnitKind>().notNull(),
    unit: text('unit').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.unitKind, t.unit, t.orderId] }),
    index('order_units_shop_order_idx').on(t.shop, t.orderId),
  ],
);

export const refunds = sqliteTable(
  'refunds',
  {
    shop: text('shop').notNull(),
    refundId: text('refund_id').notNull(),
    orderId: text('order_id').notNull(),
    amount: integer('amount').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.refundId] }),
    index('refunds_shop_order_idx').on(t.shop, t.orderId),
  ],
);

/**
 * One row per processed webhook; a redelivery finds its row and changes nothing. Keyed per shop:
 * a webhook id is Shopify's, and one shop's ids must never suppress another shop's deliveries.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    shop: text('shop').notNull(),
    webhookId: text('webhook_id').notNull(),
    topic: text('topic').notNull(),
    eventId: text('event_id'),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.webhookId] }),
    index('webhook_deliveries_shop_idx').on(t.shop, t.receivedAt),
    index('webhook_deliveries_event_idx').on(t.shop, t.topic, t.eventId),
  ],
);

/**
 * Signed webhooks whose payload can never be accepted (bad money, out-of-range quantities, a
 * shape that fails validation). They are answered 200 so Shopify stops retrying, and recorded
 * here so an operator can see what was set aside and fetch the resource again from the Admin
 * API. The payload itself is not kept: order and refund bodies carry shopper PII.
 */
export const quarantinedWebhooks = sqliteTable(
  'quarantined_webhooks',
  {
    shop: text('shop').notNull(),
    webhookId: text('webhook_id').notNull(),
    topic: text('topic').notNull(),
    eventId: text('event_id'),
    /** The payload's own `id` (order id, refund id …) when it has one, to re-fetch it. */
    resourceId: text('resource_id'),
    /** Which field failed and why, without the field's value. */
    reason: text('reason').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.webhookId] }),
    index('quarantined_webhooks_shop_idx').on(t.shop, t.receivedAt),
  ],
);

export type { OfferStatus } from '../core/offers/contract.js';

/** An offer's kind-specific fields (variants, products, discount…), validated by core/offers. */
export type OfferSpecColumn = OfferSpec;

/** A product snapshot taken from Admin GraphQL when the offer is saved (published as is). */
export interface OfferProductSnapshot {
  variantId: string;
  productId: string;
  title: string;
  variantTitle: string | null;
  imageUrl: string | null;
  price: number;
  currencyCode: string;
  available: boolean;
}

export const offers = sqliteTable(
  'offers',
  {
    shop: text('shop').notNull(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<OfferKind>().notNull(),
    target: text('target').$type<OfferTarget>().notNull(),
    status: text('status').$type<OfferStatus>().notNull(),
    /** Kind-specific fields: `{kind, variants, …}` as the contract defines them for the kind. */
    content: text('content', { mode: 'json' }).$type<OfferSpecColumn>().notNull(),
    products: text('products', { mode: 'json' }).$type<OfferProductSnapshot[]>().notNull(),
    condition: text('condition', { mode: 'json' }).$type<Record<string, unknown> | null>(),
    priority: integer('priority').notNull().default(0),
    startsAt: integer('starts_at'),
    endsAt: integer('ends_at'),
    holdout: real('holdout').notNull(),
    /** The running experiment's key; a new one starts when the split changes. */
    experimentKey: text('experiment_key').notNull(),
    version: integer('version').notNull().default(1),
    /** The Shopify code discount behind the offer's discount (GID and code), when it has one. */
    discountId: text('discount_id'),
    discountCode: text('discount_code'),
    /** The shop's publication request number at this offer's last published change. */
    publishSeq: integer('publish_seq').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.id] }),
    index('offers_shop_status_idx').on(t.shop, t.status),
  ],
);

export interface ArmColumn {
  key: string;
  weight: number;
  holdout: boolean;
}

export const experiments = sqliteTable(
  'experiments',
  {
    shop: text('shop').notNull(),
    key: text('key').notNull(),
    offerId: text('offer_id').notNull(),
    seed: text('seed').notNull(),
    coverage: real('coverage').notNull(),
    arms: text('arms', { mode: 'json' }).$type<ArmColumn[]>().notNull(),
    /** What a unit is (checkout token, storefront visitor id, customer id); fixed for its life. */
    unitKind: text('unit_kind').$type<UnitKind>().notNull().default('checkout'),
    /**
     * A unit's outcome is its orders created in [first exposure, first exposure + this) —
     * null: no end. Checkout units ignore the start too (any order of that checkout counts).
     */
    outcomeWindowMs: integer('outcome_window_ms'),
    startedAt: integer('started_at').notNull(),
    stoppedAt: integer('stopped_at'),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.key] }),
    index('experiments_shop_offer_idx').on(t.shop, t.offerId),
  ],
);

/**
 * One row per (experiment, unit): the arm and the first time the unit reached the point where
 * the widget renders (or, in the holdout, would have rendered). A unit is of its experiment's
 * `unit_kind`: a checkout token, a storefront visitor id or a customer id.
 */
export const exposures = sqliteTable(
  'exposures',
  {
    shop: text('shop').notNull(),
    experimentKey: text('experiment_key').notNull(),
    unit: text('unit').notNull(),
    offerId: text('offer_id').notNull(),
    arm: text('arm').notNull(),
    firstExposedAt: integer('first_exposed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.experimentKey, t.unit] }),
    index('exposures_shop_unit_idx').on(t.shop, t.unit),
  ],
);

export type EventType =
  | 'exposure'
  | 'impression'
  | 'click'
  | 'add'
  | 'add_error'
  | 'dismiss'
  /** A coupon's code applied to the checkout (the hesitation coupon's one tap). */
  | 'coupon_apply';

/** Interaction events, idempotent on the client-generated event id. */
export const events = sqliteTable(
  'events',
  {
    shop: text('shop').notNull(),
    eventId: text('event_id').notNull(),
    unit: text('unit').notNull(),
    offerId: text('offer_id').notNull(),
    experimentKey: text('experiment_key').notNull(),
    arm: text('arm').notNull(),
    type: text('type').$type<EventType>().notNull(),
    value: integer('value'),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.eventId] }),
    // Home's funnel and "live" check: a shop's impressions and adds in a time range (migration
    // 0009; it replaced a six-column index the report no longer reads, one B-tree less per row).
    index('events_shop_type_time_idx').on(t.shop, t.type, t.occurredAt),
    // Redaction deletes a customer's units' events.
    index('events_shop_unit_idx').on(t.shop, t.unit),
  ],
);

/** Order lines that carried `_closer_offer` (`offerId:arm`), written with the order. */
export const attributedLines = sqliteTable(
  'attributed_lines',
  {
    shop: text('shop').notNull(),
    orderId: text('order_id').notNull(),
    lineId: text('line_id').notNull(),
    offerId: text('offer_id').notNull(),
    arm: text('arm').notNull(),
    amount: integer('amount').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.orderId, t.lineId] }),
    index('attributed_lines_shop_offer_idx').on(t.shop, t.offerId),
  ],
);

/**
 * Report rollup: per experiment × arm × exposure day (UTC), the sums the statistics need.
 * Maintained by SQLite triggers (migration 0006) on exposures, orders and order_units, inside the
 * same transaction as the write, so it cannot drift from the rows it summarises. A unit's outcome
 * is the net revenue (subtotal − refunded) of the orders linked to it in `order_units` within the
 * experiment's window; units without one count as 0.
 */
export const armDaily = sqliteTable(
  'arm_daily',
  {
    shop: text('shop').notNull(),
    experimentKey: text('experiment_key').notNull(),
    arm: text('arm').notNull(),
    /** Days since the epoch (UTC) of the units' first exposure. */
    day: integer('day').notNull(),
    units: integer('units').notNull().default(0),
    orders: integer('orders').notNull().default(0),
    revenue: integer('revenue').notNull().default(0),
    revenueSquares: integer('revenue_squares').notNull().default(0),
    discounts: integer('discounts').notNull().default(0),
    refunded: integer('refunded').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shop, t.experimentKey, t.arm, t.day] })],
);

/**
 * Low-trust conversion signals from the web pixel (public endpoint). Reports use them only to
 * show conversions the signed orders/create webhook has not confirmed yet; revenue always comes
 * from the webhook.
 */
export const pixelEvents = sqliteTable(
  'pixel_events',
  {
    shop: text('shop').notNull(),
    eventId: text('event_id').notNull(),
    name: text('name').notNull(),
    checkoutToken: text('checkout_token'),
    orderId: text('order_id'),
    value: integer('value'),
    currency: text('currency'),
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.eventId] }),
    index('pixel_events_shop_checkout_idx').on(t.shop, t.checkoutToken),
  ],
);

/**
 * The publication outbox, one row per shop. Every change that alters what shoppers should see
 * bumps `requested` in the same batch as the change; the publisher writes the shop's whole
 * current config to Shopify and records the request number it delivered. An offer is live when
 * its `publish_seq` ≤ `delivered`.
 */
export const shopPublications = sqliteTable('shop_publications', {
  shop: text('shop').primaryKey(),
  requested: integer('requested').notNull().default(0),
  delivered: integer('delivered').notNull().default(0),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: integer('next_attempt_at'),
  /** Why the last attempt failed (a code and a merchant-safe message), null after a success. */
  lastErrorCode: text('last_error_code'),
  lastErrorMessage: text('last_error_message'),
  deliveredAt: integer('delivered_at'),
  /** A publisher holds the shop until then, so two processes never write configs out of order. */
  leaseUntil: integer('lease_until'),
  updatedAt: integer('updated_at').notNull(),
});

/** `expired`: past `expires_at` unused, and deleted from the Shopify discount. */
export type CouponCodeState = 'available' | 'assigned' | 'redeemed' | 'expired';

/**
 * An exit coupon's pool of unique single-use codes (server/domain/coupon-pool.ts). A code is
 * inserted as `available` only after Shopify confirmed it was added to the offer's discount, then
 * handed to one visitor (`assigned`, with when it expires) and marked `redeemed` when an order
 * carries it. One visitor holds at most one code per offer, so asking twice returns the same one.
 */
export const couponCodes = sqliteTable(
  'coupon_codes',
  {
    shop: text('shop').notNull(),
    offerId: text('offer_id').notNull(),
    code: text('code').notNull(),
    /** The Shopify discount the code was added to (codes of a replaced discount are not handed out). */
    discountId: text('discount_id').notNull(),
    /** Shopify's `DiscountRedeemCode` GID, to delete the code once it expired. */
    redeemCodeId: text('redeem_code_id'),
    state: text('state').$type<CouponCodeState>().notNull(),
    visitor: text('visitor'),
    assignedAt: integer('assigned_at'),
    expiresAt: integer('expires_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.shop, t.code] }),
    index('coupon_codes_pool_idx').on(t.shop, t.offerId, t.state),
    uniqueIndex('coupon_codes_visitor_idx').on(t.shop, t.offerId, t.visitor),
  ],
);
