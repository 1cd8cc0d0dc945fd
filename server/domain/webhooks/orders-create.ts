import { creditOfferLines } from '../attribution.js';
import { couponRedemptionWrite } from '../coupon-redemptions.js';
import { parsePayload } from '../invalid-payload.js';
import { orderPayloadSchema, toOrderRow } from '../order-payload.js';
import { orderUnitsWrites } from './order-units.js';
import { RowInsert, type RowShape, type WebhookHandler, type WebhookWrite } from './types.js';

// Written as SQL: building this wide insert was the largest part of drizzle's share of the
// webhook profile. Columns as in drizzle/schema.ts (`orders`); a refund can arrive before its
// order, so `refunded` counts whatever refunds are already known. One-row inserts (RowInsert):
// group commit writes those of neighbouring deliveries as one statement (process-webhook.ts).
const INSERT_ORDER: RowShape = {
  into: `insert into orders (shop, order_id, name, checkout_token, cart_token, customer_id,
    currency, subtotal, total, total_discounts, total_tax, refunded, lines, attributes,
    created_at, received_at)`,
  row: `(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
    (select coalesce(sum(amount), 0) from refunds where shop = ? and order_id = ?),
    ?, ?, ?, ?)`,
  tail: 'on conflict do nothing',
};
// Columns as in drizzle/schema.ts (`attributed_lines`); a redelivered order credits nothing twice.
const INSERT_ATTRIBUTED: RowShape = {
  into: 'insert into attributed_lines (shop, order_id, line_id, offer_id, arm, amount)',
  row: '(?, ?, ?, ?, ?, ?)',
  tail: 'on conflict do nothing',
};

/**
 * Stores the order once per (shop, order id) — Shopify's retries and duplicates are no-ops — and
 * the lines a Closer offer added (line property `_closer_offer`), and links the order to its
 * experiment units (checkout token, storefront visitor, customer) in the same batch — the one
 * place an order meets its units; the rollups and reports read that link (./order-units.ts).
 */
export const handleOrdersCreate: WebhookHandler = async (ctx, webhook) => {
  const payload = parsePayload(orderPayloadSchema, webhook.payload, 'invalid_order_payload');
  const row = toOrderRow(webhook.shop, payload, Date.now());
  const writes: WebhookWrite[] = [
    new RowInsert(INSERT_ORDER, [
      row.shop,
      row.orderId,
      row.name,
      row.checkoutToken,
      row.cartToken,
      row.customerId,
      row.currency,
      row.subtotal,
      row.total,
      row.totalDiscounts,
      row.totalTax,
      row.shop,
      row.orderId,
      JSON.stringify(row.lines),
      JSON.stringify(row.attributes),
      row.createdAt,
      row.receivedAt,
    ]),
  ];
  // After the order: the link's trigger reads the order it names (either order would be exact).
  for (const link of orderUnitsWrites(row)) writes.push(link);
  // An exit coupon's pooled code used by this order is no longer merely handed out.
  const redeemed = couponRedemptionWrite(ctx, row.shop, webhook.payload);
  if (redeemed) writes.push(redeemed);

  for (const l of await creditOfferLines(ctx, row.shop, row.lines)) {
    writes.push(
      new RowInsert(INSERT_ATTRIBUTED, [
        row.shop,
        row.orderId,
        l.lineId,
        l.offerId,
        l.arm,
        l.amount,
      ]),
    );
  }
  return writes;
};
