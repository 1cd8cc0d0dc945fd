import { type CouponCode, type ServerClient, SimulatorHttpError } from './http-client.js';
import type { SimulatedKind } from './options.js';
import type { OrderLink } from './payloads.js';
import type { SimOrder, SimUnit } from './population.js';

/**
 * How the storefront and Thank you coupons expose their units: one call per logged unit to the
 * route the shopper's surface calls (both arms alike), which logs the exposure and hands a
 * treatment unit its own pooled code. The answers are checked against the arm the simulator
 * derived: a code for every treatment unit, none for the holdout.
 */
export async function exposeCouponUnit(
  client: ServerClient,
  kind: Extract<SimulatedKind, 'exit_coupon' | 'next_order_coupon'>,
  offerId: string,
  unit: SimUnit,
  index: number,
): Promise<CouponCode> {
  const ip = shopperIp(index);
  let code: CouponCode;
  try {
    code =
      kind === 'exit_coupon'
        ? await client.proxyCoupon(offerId, unit.unit, ip)
        : await client.checkoutCoupon(offerId, unit.unit, ip);
  } catch (error) {
    // The checkout routes limit requests per client address; a server that does not read the
    // shopper's address from X-Forwarded-For sees every simulated customer as one client.
    if (error instanceof SimulatorHttpError && error.status === 429 && kind === 'next_order_coupon')
      throw new Error(
        `${error.message}\nEvery simulated customer counts as one client unless the server reads X-Forwarded-For: start it with \`TRUSTED_PROXY_HEADER=x-forwarded-for npm start\`, or simulate fewer customers (--units).`,
      );
    throw error;
  }
  if (unit.arm.holdout && code !== null)
    throw new Error(`holdout unit ${unit.unit} was handed a code`);
  if (!unit.arm.holdout && code === null)
    throw new Error(`treatment unit ${unit.unit} got no code (404)`);
  return code;
}

/** One address per synthetic shopper (distinct /24s), as Shopify's App Proxy forwards it. */
export function shopperIp(index: number): string {
  return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
}

export interface PlannedOrder {
  order: SimOrder;
  unit: SimUnit;
  link: OrderLink;
}

/**
 * The orders.create webhooks of one unit, each with the link its kind reads: the checkout token
 * (hesitation), the `_closer_vid` cart attribute (exit), the customer id (next-order; the order
 * whose Thank you page showed the coupon is placed before the exposure, and never counts). A
 * unit's code rides on the order whose discount it paid for.
 */
export function ordersOfUnit(
  kind: SimulatedKind,
  unit: SimUnit,
  code: CouponCode,
  runStartedAt: number,
  exposingOrderId: number,
): PlannedOrder[] {
  const withCode = (order: SimOrder): OrderLink =>
    order.discount > 0 && code !== null ? { code } : {};
  const planned: PlannedOrder[] = [];
  if (kind === 'next_order_coupon') {
    const customer = { customerId: unit.unit };
    planned.push({
      unit,
      order: { orderId: exposingOrderId, subtotal: 5_000, offerLine: 0, refund: 0, discount: 0 },
      link: {
        ...customer,
        checkoutToken: `${unit.unit}-thank-you`,
        createdAt: runStartedAt - 60_000,
      },
    });
    for (const [n, order] of [unit.order, unit.repeat].entries()) {
      if (!order) continue;
      planned.push({
        unit,
        order,
        link: { ...customer, ...withCode(order), checkoutToken: `${unit.unit}-repeat-${n}` },
      });
    }
    return planned;
  }
  if (!unit.order) return planned;
  const link: OrderLink =
    kind === 'exit_coupon'
      ? { visitorId: unit.unit, checkoutToken: `${unit.unit}-checkout` }
      : { checkoutToken: unit.unit };
  planned.push({ unit, order: unit.order, link: { ...link, ...withCode(unit.order) } });
  return planned;
}
