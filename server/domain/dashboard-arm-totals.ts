import { and, eq, inArray, sql } from 'drizzle-orm';
import { type ArmColumn, experiments } from '../../drizzle/schema.js';
import type { AppContext } from '../app-context.js';
import type { ArmTotals } from './report-comparisons.js';

export interface ExperimentInRange {
  key: string;
  offerId: string;
  arms: ArmColumn[];
  totals: Map<string, ArmTotals>;
}

/**
 * Per experiment and arm, the report's sums over units first exposed in the day range, read from
 * the `arm_daily` rollup (days × arms rows, not units). Money sums come back as REAL for the
 * reason given in experiment-report.ts: a sum of squares can pass 2⁵³.
 */
export async function loadExperimentsInRange(
  ctx: AppContext,
  shop: string,
  fromDay: number,
  toDay: number,
): Promise<ExperimentInRange[]> {
  const rows = await ctx.db.all<{
    experimentKey: string;
    arm: string;
    units: number;
    orders: number;
    revenue: number;
    revenueSquares: number;
    discounts: number;
    refunded: number;
  }>(sql`
    select experiment_key as experimentKey, arm,
           sum(units) as units, sum(orders) as orders,
           total(revenue) as revenue, total(revenue_squares) as revenueSquares,
           total(discounts) as discounts, total(refunded) as refunded
    from arm_daily
    where shop = ${shop} and day >= ${fromDay} and day <= ${toDay}
    group by experiment_key, arm`);
  if (rows.length === 0) return [];
  const keys = [...new Set(rows.map((row) => row.experimentKey))];
  const found = await ctx.db
    .select({ key: experiments.key, offerId: experiments.offerId, arms: experiments.arms })
    .from(experiments)
    .where(and(eq(experiments.shop, shop), inArray(experiments.key, keys)));
  const byKey = new Map(
    found.map((e) => [e.key, { ...e, totals: new Map<string, ArmTotals>() }] as const),
  );
  for (const row of rows) {
    byKey.get(row.experimentKey)?.totals.set(row.arm, {
      units: Number(row.units),
      orders: Number(row.orders),
      revenue: Number(row.revenue),
      revenueSquares: Number(row.revenueSquares),
      discounts: Number(row.discounts),
      refunded: Number(row.refunded),
    });
  }
  return [...byKey.values()];
}
