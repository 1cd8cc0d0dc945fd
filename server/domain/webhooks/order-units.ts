import { type UnitKind, VISITOR_ATTRIBUTE } from '../../../core/offers/catalog.js';
import { RowInsert, type RowShape, type WebhookWrite } from './types.js';

/** The storefront script's visitor id (extension/storefront/src/visitor.ts); anything else is not one. */
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;

interface OrderIdentity {
  shop: string;
  orderId: string;
  checkoutToken: string | null;
  customerId: string | null;
  attributes: Record<string, string>;
}

/**
 * The units an order belongs to, one per unit kind it carries: its checkout token, the
 * `_closer_vid` cart attribute the storefront embed sets, its customer id. A cart attribute is
 * shopper-controlled, so a value that is not a visitor id's shape links nothing.
 */
export function unitsOfOrder(order: OrderIdentity): { unitKind: UnitKind; unit: string }[] {
  const units: { unitKind: UnitKind; unit: string }[] = [];
  if (order.checkoutToken) units.push({ unitKind: 'checkout', unit: order.checkoutToken });
  const visitor = order.attributes[VISITOR_ATTRIBUTE]?.trim();
  if (visitor && VISITOR_ID.test(visitor)) units.push({ unitKind: 'visitor', unit: visitor });
  if (order.customerId) units.push({ unitKind: 'customer', unit: order.customerId });
  return units;
}

/**
 * The `order_units` rows for an order, one insert each, idempotent on their key so a redelivered
 * order links nothing twice. None when the order names no unit (a draft order without checkout or
 * customer).
 */
export function orderUnitsWrites(order: OrderIdentity): WebhookWrite[] {
  const writes: WebhookWrite[] = [];
  for (const u of unitsOfOrder(order)) {
    writes.push(new RowInsert(INSERT_UNIT, [order.shop, order.orderId, u.unitKind, u.unit]));
  }
  return writes;
}

const INSERT_UNIT: RowShape = {
  into: 'insert into order_units (shop, order_id, unit_kind, unit)',
  row: '(?, ?, ?, ?)',
  tail: 'on conflict do nothing',
};
