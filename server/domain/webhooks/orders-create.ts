import { and, eq, sql } from 'drizzle-orm';
import { attributedLines, orders, refunds } from '../../../drizzle/schema.js';
import { creditOfferLines } from '../attribution.js';
import { couponRedemptionWrite } from '../coupon-redemptions.js';
import { parsePayload } from '../invalid-payload.js';
import { orderPayloadSchema, toOrderRow } from '../order-payload.js';
import { orderUnitsWrite } from './order-units.js';
import type { WebhookHandler, WebhookWrite } from './types.js';

/**
 * Stores the order once per (shop, order id) — Shopify's retries and duplicates are no-ops — and
 * the lines a Closer offer added (line property `_closer_offer`), and links the order to its
 * experiment units (checkout token, storefront visitor, customer) in the same batch — the one
 * place an order meets its units; the rollups and reports read that link (./order-units.ts).
 */
export const handleOrdersCreate: WebhookHandler = async (ctx, webhook) => {
  const payload = parsePayload(orderPayloadSchema, webhook.payload, 'invalid_order_payload');
  const row = toOrderRow(webhook.shop, payload, Date.now());
  // A refund can arrive before its order; count whatever refunds are already known.
  const knownRefunds = sql<number>`(select coalesce(sum(${refunds.amount}), 0) from ${refunds}
    where ${and(eq(refunds.shop, row.shop), eq(refunds.orderId, row.orderId))})`;
  const writes: WebhookWrite[] = [
    ctx.db
      .insert(orders)
      .values({ ...row, refunded: knownRefunds })
      .onConflictDoNothing(),
  ];
  // After the order: the link's trigger reads the order it names (either order would be exact).
  const link = orderUnitsWrite(ctx, row);
  if (link) writes.push(link);
  // An exit coupon's pooled code used by this order is no longer merely handed out.
  const redeemed = couponRedemptionWrite(ctx, row.shop, webhook.payload);
  if (redeemed) writes.push(redeemed);

  const values = (await creditOfferLines(ctx, row.shop, row.lines)).map((l) => ({
    shop: row.shop,
    orderId: row.orderId,
    ...l,
  }));
  if (values.length > 0)
    writes.push(ctx.db.insert(attributedLines).values(values).onConflictDoNothing());
  return writes;
};
