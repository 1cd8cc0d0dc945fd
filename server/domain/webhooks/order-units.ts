import { type UnitKind, VISITOR_ATTRIBUTE } from '../../../core/offers/catalog.js';
import { sqlWrite, type WebhookWrite } from './types.js';

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
 * The `order_units` rows for an order, idempotent on their key so a redelivered order links
 * nothing twice. Null when the order names no unit (a draft order without checkout or customer).
 */
export function orderUnitsWrite(order: OrderIdentity): WebhookWrite | null {
  const units = unitsOfOrder(order);
  if (units.length === 0) return null;
  const args: string[] = [];
  for (const u of units) args.push(order.shop, order.orderId, u.unitKind, u.unit);
  return sqlWrite(INSERT_UNITS[units.length - 1] as string, args);
}

// Three shapes at most (one to three units), built once and each prepared once (db/sql-runner.ts).
const INSERT_UNITS = [1, 2, 3].map(
  (n) => `insert into order_units (shop, order_id, unit_kind, unit)
      values ${Array.from({ length: n }, () => '(?, ?, ?, ?)').join(', ')} on conflict do nothing`,
);
