import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import {
  orders,
  refunds,
  shopifySessions,
  shops,
  webhookDeliveries,
} from '../../../drizzle/schema.js';
import { parseOrThrow } from '../../http/validate.js';
import type { WebhookHandler } from './types.js';

/*
 * The three mandatory compliance topics. Closer holds no names, emails or addresses; what it
 * holds about a customer is their orders (by customer id) and data keyed by those orders.
 */
const idish = z.union([z.number(), z.string()]).transform(String);

const customerRequestSchema = z.object({
  customer: z.object({ id: idish }),
  orders_to_redact: z.array(idish).max(10_000).optional(),
  orders_requested: z.array(idish).max(10_000).optional(),
});

/** customers/data_request: nothing is deleted; the request is acknowledged and logged (no PII). */
export const handleCustomersDataRequest: WebhookHandler = async (ctx, webhook) => {
  const payload = parseOrThrow(
    customerRequestSchema,
    webhook.payload,
    'invalid_compliance_payload',
  );
  const held = await ctx.db
    .select({ orderId: orders.orderId })
    .from(orders)
    .where(and(eq(orders.shop, webhook.shop), eq(orders.customerId, payload.customer.id)));
  ctx.logger.info('customer data request received', {
    shop: webhook.shop,
    ordersHeld: held.length,
  });
  return [];
};

/** customers/redact: delete that customer's orders (and their refunds) in that shop only. */
export const handleCustomersRedact: WebhookHandler = async (ctx, webhook) => {
  const payload = parseOrThrow(
    customerRequestSchema,
    webhook.payload,
    'invalid_compliance_payload',
  );
  const named = payload.orders_to_redact ?? [];
  const matches = or(
    eq(orders.customerId, payload.customer.id),
    named.length > 0 ? inArray(orders.orderId, named) : undefined,
  );
  const rows = await ctx.db
    .select({ orderId: orders.orderId })
    .from(orders)
    .where(and(eq(orders.shop, webhook.shop), matches));
  const orderIds = [...new Set([...rows.map((r) => r.orderId), ...named])];
  if (orderIds.length === 0) return [];
  return [
    ctx.db
      .delete(refunds)
      .where(and(eq(refunds.shop, webhook.shop), inArray(refunds.orderId, orderIds))),
    ctx.db
      .delete(orders)
      .where(and(eq(orders.shop, webhook.shop), inArray(orders.orderId, orderIds))),
  ];
};

/** shop/redact (48 hours after uninstall): delete every row that names the shop. */
export const handleShopRedact: WebhookHandler = async (ctx, webhook) => [
  ctx.db.delete(refunds).where(eq(refunds.shop, webhook.shop)),
  ctx.db.delete(orders).where(eq(orders.shop, webhook.shop)),
  ctx.db.delete(shopifySessions).where(eq(shopifySessions.shop, webhook.shop)),
  ctx.db.delete(webhookDeliveries).where(eq(webhookDeliveries.shop, webhook.shop)),
  ctx.db.delete(shops).where(eq(shops.shop, webhook.shop)),
];
