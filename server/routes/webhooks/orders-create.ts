import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { attributedLines, offers, orders, refunds } from '../../../drizzle/schema.js';
import { offerLinesOf } from '../../domain/attribution.js';
import { orderPayloadSchema, toOrderRow } from '../../domain/order-payload.js';
import { parseOrThrow } from '../../http/validate.js';
import type { WebhookHandler } from './types.js';

/**
 * Stores the order once per (shop, order id) — Shopify's retries and duplicates are no-ops — and
 * the lines a Closer offer added (line property `_closer_offer`). The order joins its experiment
 * unit through its checkout token at report time.
 */
export const handleOrdersCreate: WebhookHandler = async (ctx, webhook) => {
  const payload = parseOrThrow(orderPayloadSchema, webhook.payload, 'invalid_order_payload');
  const row = toOrderRow(webhook.shop, payload, Date.now());
  // A refund can arrive before its order; count whatever refunds are already known.
  const knownRefunds = sql<number>`(select coalesce(sum(${refunds.amount}), 0) from ${refunds}
    where ${and(eq(refunds.shop, row.shop), eq(refunds.orderId, row.orderId))})`;
  const writes: BatchItem<'sqlite'>[] = [
    ctx.db
      .insert(orders)
      .values({ ...row, refunded: knownRefunds })
      .onConflictDoNothing(),
  ];

  const offerLines = offerLinesOf(row.lines);
  if (offerLines.length > 0) {
    // Only this shop's offers count; a forged or stale property attributes nothing.
    const known = await ctx.db
      .select({ id: offers.id })
      .from(offers)
      .where(
        and(
          eq(offers.shop, row.shop),
          inArray(offers.id, [...new Set(offerLines.map((l) => l.offerId))]),
        ),
      );
    const ids = new Set(known.map((o) => o.id));
    const values = offerLines
      .filter((l) => ids.has(l.offerId))
      .map((l) => ({ shop: row.shop, orderId: row.orderId, ...l }));
    if (values.length > 0)
      writes.push(ctx.db.insert(attributedLines).values(values).onConflictDoNothing());
  }
  return writes;
};
