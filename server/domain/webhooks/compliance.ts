import { and, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import {
  armDaily,
  attributedLines,
  couponCodes,
  events,
  experiments,
  exposures,
  offers,
  orders,
  orderUnits,
  pixelEvents,
  quarantinedWebhooks,
  refunds,
  shopifySessions,
  shopPublications,
  shops,
  webhookDeliveries,
} from '../../../drizzle/schema.js';
import { parsePayload } from '../invalid-payload.js';
import type { WebhookHandler, WebhookWrite } from './types.js';

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
  const payload = parsePayload(
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

/**
 * customers/redact: delete that customer's orders in that shop, with everything keyed by them:
 * refunds, attributed lines, their unit links (with the orders, by trigger), the exposures and
 * events of every unit those orders were linked to (checkout token, storefront visitor, the
 * customer id itself) and the checkout tokens' pixel events.
 */
export const handleCustomersRedact: WebhookHandler = async (ctx, webhook) => {
  const payload = parsePayload(
    customerRequestSchema,
    webhook.payload,
    'invalid_compliance_payload',
  );
  const shop = webhook.shop;
  const named = payload.orders_to_redact ?? [];
  const matches = or(
    eq(orders.customerId, payload.customer.id),
    named.length > 0 ? inArray(orders.orderId, named) : undefined,
  );
  const rows = await ctx.db
    .select({ orderId: orders.orderId, checkoutToken: orders.checkoutToken })
    .from(orders)
    .where(and(eq(orders.shop, shop), matches));
  const orderIds = [...new Set([...rows.map((r) => r.orderId), ...named])];
  const tokens = rows.map((r) => r.checkoutToken).filter((t): t is string => t !== null);
  const linked =
    orderIds.length > 0
      ? await ctx.db
          .select({ unit: orderUnits.unit })
          .from(orderUnits)
          .where(and(eq(orderUnits.shop, shop), inArray(orderUnits.orderId, orderIds)))
      : [];
  // The customer id is a unit too (next-order experiments), exposed even if no order is left.
  const units = [...new Set([...tokens, ...linked.map((l) => l.unit), payload.customer.id])];
  const writes: WebhookWrite[] = [
    ctx.db.delete(events).where(and(eq(events.shop, shop), inArray(events.unit, units))),
    ctx.db.delete(exposures).where(and(eq(exposures.shop, shop), inArray(exposures.unit, units))),
    // Pooled codes handed to those units (a next-order code is held as `customer:<id>`).
    ctx.db
      .delete(couponCodes)
      .where(
        and(
          eq(couponCodes.shop, shop),
          inArray(couponCodes.visitor, [...units, `customer:${payload.customer.id}`]),
        ),
      ),
  ];
  if (orderIds.length === 0) return writes;
  writes.push(
    ctx.db.delete(refunds).where(and(eq(refunds.shop, shop), inArray(refunds.orderId, orderIds))),
    ctx.db
      .delete(attributedLines)
      .where(and(eq(attributedLines.shop, shop), inArray(attributedLines.orderId, orderIds))),
    ctx.db.delete(orders).where(and(eq(orders.shop, shop), inArray(orders.orderId, orderIds))),
  );
  if (tokens.length > 0) {
    writes.push(
      ctx.db
        .delete(pixelEvents)
        .where(and(eq(pixelEvents.shop, shop), inArray(pixelEvents.checkoutToken, tokens))),
    );
  }
  return writes;
};

/** shop/redact (48 hours after uninstall): delete every row that names the shop. */
export const handleShopRedact: WebhookHandler = async (ctx, webhook) =>
  [
    refunds,
    attributedLines,
    orders,
    // After the orders, whose delete already took their links (trigger): only strays are left.
    orderUnits,
    events,
    pixelEvents,
    exposures,
    couponCodes,
    armDaily,
    experiments,
    offers,
    shopifySessions,
    webhookDeliveries,
    quarantinedWebhooks,
    shopPublications,
    shops,
  ].map((table) => ctx.db.delete(table).where(eq(table.shop, webhook.shop)));
