import { sql } from 'drizzle-orm';
import type { AppContext } from '../app-context.js';
import type { OfferRow } from './offers.js';

export interface ArmResult {
  arm: string;
  holdout: boolean;
  units: number;
  orders: number;
  conversionRate: number;
  /** Net of refunds, minor units. */
  revenue: number;
  attributedRevenue: number;
  attributedOrders: number;
}

/** `GET /api/admin/offers/:id/results`: the plain per-arm counts (the admin UI imports this type). */
export interface OfferResults {
  offerId: string;
  experimentKey: string;
  currency: string;
  arms: ArmResult[];
}

/**
 * Per-arm outcomes of the offer's current experiment, aggregated in SQL: exposed units, the
 * orders those checkouts became (joined by checkout token), and revenue from lines the offer added.
 * Money sums use `total()` (a REAL), so a sum past 2⁵³ comes back approximate instead of failing.
 */
export async function computeArmResults(
  ctx: AppContext,
  offer: OfferRow,
  arms: { key: string; holdout: boolean }[],
) {
  const outcome = await ctx.db.all<{
    arm: string;
    units: number;
    orders: number;
    revenue: number;
  }>(sql`
    select e.arm as arm,
           count(*) as units,
           count(o.order_id) as orders,
           total(o.subtotal - o.refunded) as revenue
    from exposures e
    left join orders o on o.shop = e.shop and o.checkout_token = e.unit
    where e.shop = ${offer.shop} and e.experiment_key = ${offer.experimentKey}
    group by e.arm`);
  const attributed = await ctx.db.all<{ arm: string; revenue: number; orders: number }>(sql`
    select a.arm as arm, total(a.amount) as revenue, count(distinct a.order_id) as orders
    from attributed_lines a
    join orders o on o.shop = a.shop and o.order_id = a.order_id
    join exposures e on e.shop = o.shop and e.unit = o.checkout_token and e.experiment_key = ${offer.experimentKey}
    where a.shop = ${offer.shop} and a.offer_id = ${offer.id}
    group by a.arm`);
  return arms.map((arm): ArmResult => {
    const o = outcome.find((row) => row.arm === arm.key);
    const a = attributed.find((row) => row.arm === arm.key);
    const units = Number(o?.units ?? 0);
    const orderCount = Number(o?.orders ?? 0);
    return {
      arm: arm.key,
      holdout: arm.holdout,
      units,
      orders: orderCount,
      conversionRate: units > 0 ? orderCount / units : 0,
      revenue: Number(o?.revenue ?? 0),
      attributedRevenue: Number(a?.revenue ?? 0),
      attributedOrders: Number(a?.orders ?? 0),
    };
  });
}
