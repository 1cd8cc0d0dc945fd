import { and, eq, sql } from 'drizzle-orm';
import { orders, refunds } from '../../../drizzle/schema.js';
import { orderPayloadSchema, toOrderRow } from '../../domain/order-payload.js';
import { parseOrThrow } from '../../http/validate.js';
import type { WebhookHandler } from './types.js';

/** Stores the order once per (shop, order id); Shopify's retries and duplicates are no-ops. */
export const handleOrdersCreate: WebhookHandler = async (ctx, webhook) => {
  const payload = parseOrThrow(orderPayloadSchema, webhook.payload, 'invalid_order_payload');
  const row = toOrderRow(webhook.shop, payload, Date.now());
  // A refund can arrive before its order; count whatever refunds are already known.
  const knownRefunds = sql<number>`(select coalesce(sum(${refunds.amount}), 0) from ${refunds}
    where ${and(eq(refunds.shop, row.shop), eq(refunds.orderId, row.orderId))})`;
  return [
    ctx.db
      .insert(orders)
      .values({ ...row, refunded: knownRefunds })
      .onConflictDoNothing(),
  ];
};
