import type { ExperimentArm, PublishedExperiment } from '../../core/decide/index.js';
import { assignArm } from '../../core/decide/index.js';
import { createRandom, logNormal } from './random.js';

/**
 * The synthetic shoppers: pure and deterministic given the seed and the experiment. Every unit
 * draws the same number of uniforms whatever its arm, so the seed fixes each shopper's behaviour
 * and only the arm (from the experiment's hash seed) decides who gets the lift.
 *
 * How the lift is made (`liftVia`):
 * - `value` (default): a treatment order is worth (1 + lift) × what the same shopper would have
 *   spent in the holdout; conversion is equal in both arms. Treatment orders whose shopper added
 *   the offer carry it as a `_closer_offer` line carved out of that total — so the attributed
 *   revenue (the offer lines) differs from the incremental revenue, as in real life.
 * - `conversion`: the treatment converts at conversion × (1 + lift); order values are equal.
 * Refunds hit both arms alike (same probability, same share of the order), so the lift of revenue
 * per unit *net of refunds* is `lift` in expectation too.
 *
 * Coupon kinds (`coupon` set): the treatment converts at conversion × (1 + lift) — the shoppers
 * the coupon won over — and a share `redemption` of its buyers use the code, paying the order
 * less `percentOff` %. So the true effect on revenue per unit is a conversion gain minus the
 * discount given to every redeeming buyer, including those who would have paid full price: it is
 * negative when the lift is small next to the discount. For the next-order coupon (`repeatRate`
 * above 0), a share of the customers who come back place a second, undiscounted order too.
 */

/** Log-normal spread of order values; σ = 0.6 gives a long right tail like real baskets. */
const ORDER_VALUE_SIGMA = 0.6;
/** Treatment shoppers who click the offer, and of those, who add it. */
const CLICK_RATE = 0.2;
const ADD_GIVEN_CLICK = 0.5;
/** Of refunded orders, the share refunded in full; the rest return 10–90 % of the subtotal. */
const FULL_REFUND_SHARE = 0.4;
/** E[refunded share | refund] = 0.4 · 1 + 0.6 · 0.5. */
export const MEAN_REFUNDED_SHARE = FULL_REFUND_SHARE + (1 - FULL_REFUND_SHARE) * 0.5;

export interface PopulationParams {
  units: number;
  lift: number;
  liftVia: 'value' | 'conversion';
  conversion: number;
  /** Mean order value in minor units. */
  aovMinor: number;
  refundRate: number;
  skew: number;
  seed: number;
  /** Unique per run, so checkout tokens and order ids never collide with an earlier run. */
  runTag: string;
  orderIdBase: number;
  /** Price of the offered variant (minor units); the added line's amount. */
  offerPrice: number;
  /** Coupon kinds; absent (or null) for the cross-sell. */
  coupon?: CouponModel | null;
  /**
   * What a unit id looks like: a checkout token or visitor id (`sim-<runTag>-<i>`, default), or
   * a numeric Shopify customer id (next-order coupon), unique per run through `orderIdBase`.
   */
  unitIds?: 'token' | 'customer';
}

export interface CouponModel {
  /** Whole percent off the order. */
  percentOff: number;
  /** Share of treatment buyers who use their code. */
  redemption: number;
  /** Share of converting units that place a second (undiscounted) order; next-order kind only. */
  repeatRate: number;
}

export interface SimOrder {
  orderId: number;
  subtotal: number;
  /** Amount of the `_closer_offer` line inside the subtotal; 0 when the order has none. */
  offerLine: number;
  /** Refunded merchandise; 0 when the order is not refunded. */
  refund: number;
  /** The coupon's discount, already taken off `subtotal`; 0 when no code was used. */
  discount: number;
}

export interface SimUnit {
  unit: string;
  arm: ExperimentArm;
  /** False for holdout units whose exposure the buggy client drops (`--skew`). */
  logged: boolean;
  clicked: boolean;
  added: boolean;
  order: SimOrder | null;
  /** A second order in the outcome window (next-order coupon only). */
  repeat: SimOrder | null;
}

export function generatePopulation(
  params: PopulationParams,
  experiment: PublishedExperiment,
): SimUnit[] {
  const random = createRandom(params.seed);
  const units: SimUnit[] = [];
  for (let i = 0; i < params.units; i++) {
    const draws = {
      convert: random.uniform(),
      value: logNormal(random, params.aovMinor, ORDER_VALUE_SIGMA),
      click: random.uniform(),
      add: random.uniform(),
      refund: random.uniform(),
      refundShare: random.uniform(),
      skew: random.uniform(),
      // Drawn only in coupon runs, for every unit alike, so cross-sell streams stay as they were.
      ...(params.coupon
        ? {
            redeem: random.uniform(),
            repeat: random.uniform(),
            repeatValue: logNormal(random, params.aovMinor, ORDER_VALUE_SIGMA),
          }
        : {}),
    };
    const unit =
      params.unitIds === 'customer'
        ? String(params.orderIdBase + 3 * params.units + i)
        : `sim-${params.runTag}-${i}`;
    const arm = assignArm(experiment, unit);
    if (!arm) throw new Error(`unit ${unit} falls outside the experiment's coverage`);
    const treated = !arm.holdout;
    const clicked = treated && draws.click < CLICK_RATE;
    const added = clicked && draws.add < ADD_GIVEN_CLICK;
    const coupon = params.coupon ?? null;
    const liftVia = coupon ? 'conversion' : params.liftVia;
    const conversion =
      params.conversion * (treated && liftVia === 'conversion' ? 1 + params.lift : 1);
    let order: SimOrder | null = null;
    let repeat: SimOrder | null = null;
    if (draws.convert < conversion) {
      const multiplier = treated && liftVia === 'value' ? 1 + params.lift : 1;
      const gross = Math.max(1, Math.round(draws.value * multiplier));
      const redeemed = coupon !== null && treated && (draws.redeem ?? 1) < coupon.redemption;
      const discount = redeemed ? Math.round((gross * coupon.percentOff) / 100) : 0;
      const subtotal = gross - discount;
      const share =
        draws.refundShare < FULL_REFUND_SHARE
          ? 1
          : 0.1 + (0.8 * (draws.refundShare - FULL_REFUND_SHARE)) / (1 - FULL_REFUND_SHARE);
      order = {
        orderId: params.orderIdBase + i,
        subtotal,
        // A basket too small to hold the add-on means the shopper removed it again.
        // A coupon adds no line.
        offerLine: !coupon && added && subtotal > params.offerPrice ? params.offerPrice : 0,
        refund: draws.refund < params.refundRate ? Math.round(subtotal * share) : 0,
        discount,
      };
      if (coupon && (draws.repeat ?? 1) < coupon.repeatRate) {
        repeat = {
          orderId: params.orderIdBase + params.units + i,
          subtotal: Math.max(1, Math.round(draws.repeatValue ?? params.aovMinor)),
          offerLine: 0,
          refund: 0,
          discount: 0,
        };
      }
    }
    units.push({
      unit,
      arm,
      logged: !(arm.holdout && draws.skew < params.skew),
      clicked,
      added,
      order,
      repeat,
    });
  }
  return units;
}

export interface ArmTruth {
  arm: string;
  holdout: boolean;
  /** Units whose exposure was sent, i.e. the units the server can count. */
  units: number;
  orders: number;
  grossRevenue: number;
  refunds: number;
  /** Σ (subtotal − refund) over orders of logged units: what the report must show. */
  netRevenue: number;
  /** Units of this arm whose exposure was deliberately not sent. */
  droppedUnits: number;
  /** Coupon discounts on the arm's orders (already off grossRevenue). */
  discounts: number;
  /** Orders that used the coupon's code. */
  redemptions: number;
}

/** Per-arm sums over what the server can see (orders of unlogged units join no exposure). */
export function summarizeTruth(units: readonly SimUnit[], arms: readonly ExperimentArm[]) {
  const byArm = new Map<string, ArmTruth>(
    arms.map((a) => [
      a.key,
      {
        arm: a.key,
        holdout: a.holdout,
        units: 0,
        orders: 0,
        grossRevenue: 0,
        refunds: 0,
        netRevenue: 0,
        droppedUnits: 0,
        discounts: 0,
        redemptions: 0,
      },
    ]),
  );
  for (const u of units) {
    const t = byArm.get(u.arm.key);
    if (!t) continue;
    if (!u.logged) {
      t.droppedUnits += 1;
      continue;
    }
    t.units += 1;
    for (const order of [u.order, u.repeat]) {
      if (!order) continue;
      t.orders += 1;
      t.grossRevenue += order.subtotal;
      t.refunds += order.refund;
      t.netRevenue += order.subtotal - order.refund;
      t.discounts += order.discount;
      if (order.discount > 0) t.redemptions += 1;
    }
  }
  return [...byArm.values()];
}
