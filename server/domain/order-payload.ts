import { z } from 'zod';
import type { OrderLine } from '../../drizzle/schema.js';
import { toMinorUnits } from './money.js';

/**
 * The parts of Shopify's order webhook payload (REST shape) Closer keeps. Unknown fields pass
 * through untouched; missing optional ones default, so a payload Shopify adds fields to still
 * parses. Money is read from the `*_set.shop_money` fields: reports are in the shop's currency.
 */
const money = z.union([z.string(), z.number()]).nullish();
const moneySet = z
  .object({ shop_money: z.object({ amount: money, currency_code: z.string().max(3) }) })
  .nullish();
const idish = z.union([z.number(), z.string()]).transform(String);
const nameValue = z.object({ name: z.string().max(255), value: z.unknown() });

export const orderPayloadSchema = z.object({
  id: idish,
  name: z.string().max(255).nullish(),
  checkout_token: z.string().max(255).nullish(),
  cart_token: z.string().max(255).nullish(),
  currency: z.string().length(3),
  customer: z.object({ id: idish }).nullish(),
  subtotal_price: money,
  subtotal_price_set: moneySet,
  total_price: money,
  total_price_set: moneySet,
  total_discounts: money,
  total_discounts_set: moneySet,
  total_tax: money,
  total_tax_set: moneySet,
  created_at: z.string().max(64).nullish(),
  note_attributes: z.array(nameValue).max(250).nullish(),
  line_items: z
    .array(
      z.object({
        id: idish,
        product_id: idish.nullish(),
        variant_id: idish.nullish(),
        quantity: z.number().int().min(0),
        price: money,
        price_set: moneySet,
        discount_allocations: z.array(z.object({ amount: money, amount_set: moneySet })).nullish(),
        properties: z.array(nameValue).max(250).nullish(),
      }),
    )
    .max(5000),
});

export type OrderPayload = z.infer<typeof orderPayloadSchema>;

type MoneySet = z.infer<typeof moneySet>;

function pickMoney(
  set: MoneySet,
  plain: string | number | null | undefined,
  currency: string,
): number {
  const amount = set?.shop_money.amount ?? plain;
  return toMinorUnits(amount, set?.shop_money.currency_code ?? currency);
}

function toStringRecord(pairs: { name: string; value: unknown }[] | null | undefined) {
  const record: Record<string, string> = {};
  for (const { name, value } of pairs ?? []) record[name] = String(value ?? '').slice(0, 1000);
  return record;
}

export function toOrderRow(shop: string, payload: OrderPayload, receivedAt: number) {
  const currency = payload.subtotal_price_set?.shop_money.currency_code ?? payload.currency;
  const lines: OrderLine[] = payload.line_items.map((line) => {
    const unit = pickMoney(line.price_set, line.price, currency);
    const discount = (line.discount_allocations ?? []).reduce(
      (sum, d) => sum + pickMoney(d.amount_set, d.amount, currency),
      0,
    );
    return {
      id: line.id,
      productId: line.product_id ?? null,
      variantId: line.variant_id ?? null,
      quantity: line.quantity,
      amount: unit * line.quantity - discount,
      properties: toStringRecord(line.properties),
    };
  });
  const createdAt = payload.created_at ? Date.parse(payload.created_at) : Number.NaN;
  return {
    shop,
    orderId: payload.id,
    name: payload.name ?? null,
    checkoutToken: payload.checkout_token ?? null,
    cartToken: payload.cart_token ?? null,
    customerId: payload.customer?.id ?? null,
    currency,
    subtotal: pickMoney(payload.subtotal_price_set, payload.subtotal_price, currency),
    total: pickMoney(payload.total_price_set, payload.total_price, currency),
    totalDiscounts: pickMoney(payload.total_discounts_set, payload.total_discounts, currency),
    totalTax: pickMoney(payload.total_tax_set, payload.total_tax, currency),
    lines,
    attributes: toStringRecord(payload.note_attributes),
    createdAt: Number.isFinite(createdAt) ? createdAt : receivedAt,
    receivedAt,
  };
}

export const refundPayloadSchema = z.object({
  id: idish,
  order_id: idish,
  created_at: z.string().max(64).nullish(),
  refund_line_items: z
    .array(
      z.object({
        subtotal: money,
        subtotal_set: moneySet,
      }),
    )
    .max(5000)
    .default([]),
});

export type RefundPayload = z.infer<typeof refundPayloadSchema>;

/** Refunded merchandise in shop currency — the same basis as the order's revenue (subtotal). */
export function refundedAmount(payload: RefundPayload, currency: string): number {
  return payload.refund_line_items.reduce(
    (sum, line) => sum + pickMoney(line.subtotal_set, line.subtotal, currency),
    0,
  );
}
