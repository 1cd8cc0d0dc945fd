import { and, eq, sql } from 'drizzle-orm';
import { experiments } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import type { OfferRow } from './offers.js';
import { unitOutcome } from './unit-outcome.js';

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
 * Per-arm outcomes of the offer's current experiment: exposed units, the orders linked to them
 * and their net revenue from the `arm_daily` rollup (the report's own sums, whatever the unit
 * kind), and revenue from lines the offer added, on orders that are an exposed unit's outcome
 * (`order_units`, unit-outcome.ts). Money sums use `total()` (a REAL), so a sum past 2⁵³ comes
 * back approximate instead of failing.
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
    select arm, sum(units) as units, sum(orders) as orders, total(revenue) as revenue
    from arm_daily
    where shop = ${offer.shop} and experiment_key = ${offer.experimentKey}
    group by arm`);
  const rule = await ctx.db
    .select({ unitKind: experiments.unitKind, outcomeWindowMs: experiments.outcomeWindowMs })
    .from(experiments)
    .where(and(eq(experiments.shop, offer.shop), eq(experiments.key, offer.experimentKey)))
    .get();
  const attributed = rule
    ? await ctx.db.all<{ arm: string; revenue: number; orders: number }>(sql`
        select a.arm as arm, total(a.amount) as revenue, count(distinct a.order_id) as orders
        from attributed_lines a
        join orders o on o.shop = a.shop and o.order_id = a.order_id
        join order_units l on l.shop = o.shop and l.order_id = o.order_id
        join exposures e on e.shop = l.shop and e.experiment_key = ${offer.experimentKey}
          and ${unitOutcome(rule)}
        where a.shop = ${offer.shop} and a.offer_id = ${offer.id}
        group by a.arm`)
    : [];
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
