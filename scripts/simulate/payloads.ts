import { randomUUID } from 'node:crypto';
import type { SimOrder, SimUnit } from './population.js';

/**
 * What the simulated clients send: checkout extension events (the shape of docs/api.md) and
 * Shopify's REST-shaped orders/create and refunds/create webhook bodies, money in `*_set` pairs.
 */
export interface OfferRef {
  offerId: string;
  experimentKey: string;
  /** The offered variant: the line a treatment shopper adds. */
  variantId: string;
  productId: string;
  price: number;
}

export interface CheckoutEvent {
  id: string;
  type: 'exposure' | 'impression' | 'click' | 'add' | 'coupon_apply';
  offerId: string;
  experimentKey: string;
  arm: string;
  unit: string;
  at: number;
  value?: number;
}

/** The events the checkout extension would send for one unit, in the order it sends them. */
export function eventsFor(unit: SimUnit, offer: OfferRef, at: number): CheckoutEvent[] {
  if (!unit.logged) return [];
  const base = { offerId: offer.offerId, experimentKey: offer.experimentKey, arm: unit.arm.key };
  const event = (type: CheckoutEvent['type'], value?: number): CheckoutEvent => ({
    id: randomUUID(),
    type,
    ...base,
    unit: unit.unit,
    at,
    ...(value === undefined ? {} : { value }),
  });
  const events = [event('exposure')];
  // The holdout renders nothing, so it has no impression, click or add.
  if (unit.arm.holdout) return events;
  events.push(event('impression'));
  if (unit.clicked) events.push(event('click'));
  if (unit.added) events.push(event('add', offer.price));
  return events;
}

/**
 * The hesitation coupon's events for one unit: the exposure when the timer fires (both arms), then
 * in the treatment the revealed coupon's impression and, for a buyer who uses it, the one-tap
 * apply. Nothing else: the coupon adds no line.
 */
export function hesitationEventsFor(unit: SimUnit, offer: OfferRef, at: number): CheckoutEvent[] {
  if (!unit.logged) return [];
  const event = (type: CheckoutEvent['type']): CheckoutEvent => ({
    id: randomUUID(),
    type,
    offerId: offer.offerId,
    experimentKey: offer.experimentKey,
    arm: unit.arm.key,
    unit: unit.unit,
    at,
  });
  if (unit.arm.holdout) return [event('exposure')];
  const events = [event('exposure'), event('impression')];
  if ((unit.order?.discount ?? 0) > 0) events.push(event('coupon_apply'));
  return events;
}

/** How an order names its unit and the coupon it used (all optional: the cross-sell has none). */
export interface OrderLink {
  /** Defaults to the unit id (the checkout token is the unit of checkout kinds). */
  checkoutToken?: string;
  /** The storefront visitor id, carried as the `_closer_vid` cart attribute. */
  visitorId?: string;
  /** Numeric Shopify customer id. */
  customerId?: string;
  /** The code the order used; its discount is `order.discount`. */
  code?: string;
  /** When the order was placed (ms); defaults to now. */
  createdAt?: number;
}

/** Splits a list into chunks of at most `size` (the events endpoint takes ≤ 50 per batch). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

function moneySet(minor: number, currency: string, digits: number) {
  const amount = (minor / 10 ** digits).toFixed(digits);
  return {
    shop_money: { amount, currency_code: currency },
    presentment_money: { amount, currency_code: currency },
  };
}

/** Sales tax on top of the subtotal; revenue is the subtotal, so tax must not leak into it. */
const TAX_RATE = 0.08;

export function orderPayload(
  unit: SimUnit,
  order: SimOrder,
  offer: OfferRef,
  currency: string,
  digits: number,
  link: OrderLink = {},
) {
  const money = (minor: number) => moneySet(minor, currency, digits);
  // Before the coupon: the basket line carries the whole order discount as its allocation, so
  // the line amounts add up to the subtotal after discounts, as in Shopify's payload.
  const discounted = link.code !== undefined && order.discount > 0;
  const basket = order.subtotal + (discounted ? order.discount : 0) - order.offerLine;
  const tax = Math.round(order.subtotal * TAX_RATE);
  const lineItems: Record<string, unknown>[] = [
    {
      id: order.orderId * 10 + 1,
      product_id: 1001,
      variant_id: 20001,
      quantity: 1,
      price: money(basket).shop_money.amount,
      price_set: money(basket),
      discount_allocations: discounted
        ? [
            {
              amount: money(order.discount).shop_money.amount,
              amount_set: money(order.discount),
              discount_application_index: 0,
            },
          ]
        : [],
      properties: [],
    },
  ];
  if (order.offerLine > 0) {
    lineItems.push({
      id: order.orderId * 10 + 2,
      product_id: Number(offer.productId.split('/').pop()),
      variant_id: Number(offer.variantId.split('/').pop()),
      quantity: 1,
      price: money(order.offerLine).shop_money.amount,
      price_set: money(order.offerLine),
      discount_allocations: [],
      // What the extension's addCartLine attribute becomes on the order line.
      properties: [{ name: '_closer_offer', value: `${offer.offerId}:${unit.arm.key}` }],
    });
  }
  return {
    id: order.orderId,
    admin_graphql_api_id: `gid://shopify/Order/${order.orderId}`,
    name: `#S${order.orderId}`,
    checkout_token: link.checkoutToken ?? unit.unit,
    cart_token: null,
    currency,
    customer: link.customerId ? { id: Number(link.customerId) } : null,
    subtotal_price: money(order.subtotal).shop_money.amount,
    subtotal_price_set: money(order.subtotal),
    total_price_set: money(order.subtotal + tax),
    total_discounts: money(discounted ? order.discount : 0).shop_money.amount,
    total_discounts_set: money(discounted ? order.discount : 0),
    total_tax_set: money(tax),
    discount_codes: discounted
      ? [{ code: link.code, amount: money(order.discount).shop_money.amount, type: 'percentage' }]
      : [],
    discount_applications: discounted
      ? [
          {
            type: 'discount_code',
            code: link.code,
            value_type: 'percentage',
            target_type: 'line_item',
            target_selection: 'all',
            allocation_method: 'across',
          },
        ]
      : [],
    created_at: new Date(link.createdAt ?? Date.now()).toISOString(),
    note_attributes: link.visitorId ? [{ name: '_closer_vid', value: link.visitorId }] : [],
    line_items: lineItems,
  };
}

export function refundPayload(order: SimOrder, currency: string, digits: number) {
  return {
    id: order.orderId,
    order_id: order.orderId,
    created_at: new Date().toISOString(),
    refund_line_items: [
      {
        id: order.orderId * 10 + 1,
        line_item_id: order.orderId * 10 + 1,
        quantity: 1,
        subtotal: (order.refund / 10 ** digits).toFixed(digits),
        subtotal_set: moneySet(order.refund, currency, digits),
      },
    ],
    transactions: [],
  };
}
