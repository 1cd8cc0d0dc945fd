import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
}

export const shops = sqliteTable('shops', {
  shop: text('shop').primaryKey(),
  name: text('name'),
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

/** One row per processed webhook; a redelivery finds its row and changes nothing. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    webhookId: text('webhook_id').primaryKey(),
    shop: text('shop').notNull(),
    topic: text('topic').notNull(),
    eventId: text('event_id'),
    receivedAt: integer('received_at').notNull(),
  },
  (t) => [
    index('webhook_deliveries_shop_idx').on(t.shop, t.receivedAt),
    index('webhook_deliveries_event_idx').on(t.shop, t.topic, t.eventId),
  ],
);
