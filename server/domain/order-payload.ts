import { z } from 'zod';
import type { OrderLine } from '../../drizzle/schema.js';
import { InvalidPayloadError } from './invalid-payload.js';
import {
  InvalidAmountError,
  MAX_LINES,
  MAX_MINOR_UNITS,
  MAX_QUANTITY,
  toMinorUnits,
} from './money.js';

/**
 * The parts of Shopify's order webhook payload (REST shape) Closer keeps. Unknown fields pass
 * through untouched; missing optional ones default, so a payload Shopify adds fields to still
 * parses. Money is read from the `*_set.shop_money` fields: reports are in the shop's currency.
 * Every amount goes through the one money parser (domain/money.ts) and every quantity and line
 * total stays inside its bounds, or the payload is refused whole with InvalidPayloadError: a
 * half-read order would count revenue that is not there.
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
        quantity: z.number().int().min(0).max(MAX_QUANTITY),
        price: money,
        price_set: moneySet,
        discount_allocations: z
          .array(z.object({ amount: money, amount_set: moneySet }))
          .max(250)
          .nullish(),
        properties: z.array(nameValue).max(250).nullish(),
      }),
    )
    .max(MAX_LINES),
});

export type OrderPayload = z.infer<typeof orderPayloadSchema>;

type MoneySet = z.infer<typeof moneySet>;

function pickMoney(
  set: MoneySet,
  plain: string | number | null | undefined,
  currency: string,
  field: string,
  code: string,
): number {
  const fromSet = set?.shop_money.amount;
  const amount = fromSet ?? plain;
  const where =
    fromSet === undefined || fromSet === null ? field : `${field}_set.shop_money.amount`;
  try {
    return toMinorUnits(amount, set?.shop_money.currency_code ?? currency);
  } catch (error) {
    if (error instanceof InvalidAmountError)
      throw new InvalidPayloadError(code, `${where}: ${error.message}`);
    throw error;
  }
}

function toStringRecord(pairs: { name: string; value: unknown }[] | null | undefined) {
  const record: Record<string, string> = {};
  for (const { name, value } of pairs ?? []) record[name] = textOf(value).slice(0, 1000);
  return record;
}

/**
 * A name/value pair's value as text. Values are strings in practice but any JSON in principle,
 * and String() throws on an object whose `toString` is not a function (`{"toString":1}`), so
 * anything that is not a primitive is kept as its JSON (its depth is bounded by parsePayload).
 */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const ORDER_CODE = 'invalid_order_payload';

export function toOrderRow(shop: string, payload: OrderPayload, receivedAt: number) {
  const currency = payload.subtotal_price_set?.shop_money.currency_code ?? payload.currency;
  const money = (set: MoneySet, plain: string | number | null | undefined, field: string) =>
    pickMoney(set, plain, currency, field, ORDER_CODE);
  const items = payload.line_items;
  const lines: OrderLine[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const line = items[i] as (typeof items)[number];
    const unit = money(line.price_set, line.price, `line_items.${i}.price`);
    const gross = unit * line.quantity;
    if (gross > MAX_MINOR_UNITS)
      throw new InvalidPayloadError(
        ORDER_CODE,
        `line_items.${i}: price × quantity is above the supported maximum`,
      );
    let discount = 0;
    const allocations = line.discount_allocations ?? [];
    for (let j = 0; j < allocations.length; j++) {
      const d = allocations[j] as (typeof allocations)[number];
      discount += money(d.amount_set, d.amount, `line_items.${i}.discount_allocations.${j}.amount`);
    }
    lines[i] = {
      id: line.id,
      productId: line.product_id ?? null,
      variantId: line.variant_id ?? null,
      quantity: line.quantity,
      // A line is never worth less than nothing, whatever its allocations add up to.
      amount: Math.max(0, gross - discount),
      properties: toStringRecord(line.properties),
    };
  }
  const createdAt = payload.created_at ? Date.parse(payload.created_at) : Number.NaN;
  return {
    shop,
    orderId: payload.id,
    name: payload.name ?? null,
    checkoutToken: payload.checkout_token ?? null,
    cartToken: payload.cart_token ?? null,
    customerId: payload.customer?.id ?? null,
    currency,
    subtotal: money(payload.subtotal_price_set, payload.subtotal_price, 'subtotal_price'),
    total: money(payload.total_price_set, payload.total_price, 'total_price'),
    totalDiscounts: money(payload.total_discounts_set, payload.total_discounts, 'total_discounts'),
    totalTax: money(payload.total_tax_set, payload.total_tax, 'total_tax'),
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
    .max(MAX_LINES)
    .default([]),
});

export type RefundPayload = z.infer<typeof refundPayloadSchema>;

/**
 * Refunded merchandise in shop currency — the same basis as the order's revenue (subtotal). A
 * negative or unparseable line refuses the refund whole: it must never raise net revenue.
 */
export function refundedAmount(payload: RefundPayload, currency: string): number {
  const total = payload.refund_line_items.reduce(
    (sum, line, i) =>
      sum +
      pickMoney(
        line.subtotal_set,
        line.subtotal,
        currency,
        `refund_line_items.${i}.subtotal`,
        'invalid_refund_payload',
      ),
    0,
  );
  // No refund is larger than an order can be; this keeps an order's refunded sum in range too.
  if (total > MAX_MINOR_UNITS)
    throw new InvalidPayloadError(
      'invalid_refund_payload',
      'refund_line_items: the refund is above the supported maximum',
    );
  return total;
}
