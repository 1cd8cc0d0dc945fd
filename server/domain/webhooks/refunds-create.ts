import { and, eq, sql } from 'drizzle-orm';
import { orders, refunds } from '../../../drizzle/schema.js';
import { parsePayload } from '../invalid-payload.js';
import { refundedAmount, refundPayloadSchema } from '../order-payload.js';
import { getShop } from '../shops.js';
import type { WebhookHandler } from './types.js';

/**
 * Records the refund once and recomputes the order's refunded total from all its refunds, which
 * stays correct whatever order or how many times deliveries arrive.
 */
export const handleRefundsCreate: WebhookHandler = async (ctx, webhook) => {
  const payload = parsePayload(refundPayloadSchema, webhook.payload, 'invalid_refund_payload');
  const order = await ctx.db
    .select({ currency: orders.currency })
    .from(orders)
    .where(and(eq(orders.shop, webhook.shop), eq(orders.orderId, payload.order_id)))
    .get();
  const currency = order?.currency ?? (await getShop(ctx.db, webhook.shop))?.currency ?? 'USD';
  const createdAt = payload.created_at ? Date.parse(payload.created_at) : Date.now();
  const scope = and(eq(refunds.shop, webhook.shop), eq(refunds.orderId, payload.order_id));
  return [
    ctx.db
      .insert(refunds)
      .values({
        shop: webhook.shop,
        refundId: payload.id,
        orderId: payload.order_id,
        amount: refundedAmount(payload, currency),
        createdAt: Number.isFinite(createdAt) ? createdAt : Date.now(),
      })
      .onConflictDoNothing(),
    ctx.db
      .update(orders)
      .set({
        refunded: sql`(select coalesce(sum(${refunds.amount}), 0) from ${refunds} where ${scope})`,
      })
      .where(and(eq(orders.shop, webhook.shop), eq(orders.orderId, payload.order_id))),
  ];
};
