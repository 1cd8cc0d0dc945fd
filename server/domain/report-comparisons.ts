import {
  type ArmSums,
  bonferroniPValue,
  type Comparison,
  compareArms,
  incrementalTotal,
  type StatsEngine,
} from '../stats/index.js';
import type { LeaderMargin, ReportComparisons } from './report-types.js';

/**
 * The statistics calls of the report: one variant against the holdout (the same engine calls a
 * single-variant report always made), and the leading variant against the others.
 */

/** One arm's sums from the `arm_daily` rollup; money in minor units, net of refunds. */
export interface ArmTotals {
  units: number;
  orders: number;
  revenue: number;
  revenueSquares: number;
  discounts: number;
  refunded: number;
}

export const EMPTY_TOTALS: ArmTotals = {
  units: 0,
  orders: 0,
  revenue: 0,
  revenueSquares: 0,
  discounts: 0,
  refunded: 0,
};

export function addTotals(a: ArmTotals, b: ArmTotals): ArmTotals {
  return {
    units: a.units + b.units,
    orders: a.orders + b.orders,
    revenue: a.revenue + b.revenue,
    revenueSquares: a.revenueSquares + b.revenueSquares,
    discounts: a.discounts + b.discounts,
    refunded: a.refunded + b.refunded,
  };
}

export const revenueSums = (t: ArmTotals): ArmSums => ({
  n: t.units,
  sum: t.revenue,
  sumSquares: t.revenueSquares,
});
const conversionSums = (t: ArmTotals): ArmSums => ({
  n: t.units,
  sum: t.orders,
  sumSquares: t.orders,
});
// AOV per unit: numerator revenue, denominator orders (0 or 1), so Σd² = Σd and Σyd = Σy.
const aovSums = (t: ArmTotals): ArmSums => ({
  n: t.units,
  sum: t.revenue,
  sumSquares: t.revenueSquares,
  denominatorSum: t.orders,
  denominatorSumSquares: t.orders,
  crossSum: t.revenue,
});

export interface ComparisonSettings {
  engine: StatsEngine;
  sequential: boolean;
  /** The alpha of this one comparison (already divided for multiple comparisons). */
  alpha: number;
  /** Comparisons in the family: p-values are Bonferroni-adjusted by it when above 1. */
  family: number;
  /** GrowthBook's minimum revenue total, minor units of the report currency. */
  minRevenue: number;
}

/** GrowthBook's minimum conversions before a conversion-rate comparison is trusted. */
const MIN_CONVERSIONS = 150;

function engineOptions(settings: ComparisonSettings, minSampleSize: number) {
  return {
    engine: settings.engine,
    alpha: settings.alpha,
    minSampleSize,
    ...(settings.sequential && settings.engine === 'frequentist' ? { sequential: {} } : {}),
  };
}

function adjust(comparison: Comparison, family: number): Comparison {
  if (family <= 1 || comparison.pValue === undefined) return comparison;
  return { ...comparison, pValue: bonferroniPValue(comparison.pValue, family) };
}

/** Revenue per unit (primary), conversion, AOV and incremental revenue of `variant` over `control`. */
export function compareVariant(
  control: ArmTotals,
  variant: ArmTotals,
  settings: ComparisonSettings,
): ReportComparisons {
  const revenue = engineOptions(settings, settings.minRevenue);
  const comparisons: ReportComparisons = {
    revenuePerUnit: compareArms(revenueSums(control), revenueSums(variant), {
      ...revenue,
      metric: 'mean',
      difference: 'relative',
    }),
    conversionRate: compareArms(conversionSums(control), conversionSums(variant), {
      ...engineOptions(settings, MIN_CONVERSIONS),
      metric: 'proportion',
      difference: 'relative',
    }),
    averageOrderValue: compareArms(aovSums(control), aovSums(variant), {
      ...revenue,
      metric: 'ratio',
      difference: 'relative',
    }),
    incrementalRevenue: incrementalTotal(revenueSums(control), revenueSums(variant), {
      ...revenue,
      metric: 'mean',
    }),
  };
  return {
    revenuePerUnit: adjust(comparisons.revenuePerUnit, settings.family),
    conversionRate: adjust(comparisons.conversionRate, settings.family),
    averageOrderValue: adjust(comparisons.averageOrderValue, settings.family),
    incrementalRevenue: adjust(comparisons.incrementalRevenue, settings.family),
  };
}

/** The cumulative relative lift of revenue per unit, for the daily series. */
export function compareRevenuePerUnit(
  control: ArmTotals,
  variant: ArmTotals,
  settings: ComparisonSettings,
): Comparison {
  return compareArms(revenueSums(control), revenueSums(variant), {
    ...engineOptions(settings, settings.minRevenue),
    metric: 'mean',
    difference: 'relative',
  });
}

export interface RankedVariant {
  arm: string;
  label: string;
  totals: ArmTotals;
}

/**
 * The variant with the highest revenue per unit — the per-unit figure, because incremental
 * revenue also grows with an arm's size — and its margin over each other variant, each interval
 * at `settings.alpha` (the caller divides the family alpha over every pair, so picking the
 * leader after seeing the data does not make a lead look surer than it is).
 */
export function rankVariants(
  variants: readonly RankedVariant[],
  settings: ComparisonSettings,
): { leader: RankedVariant; margins: LeaderMargin[] } | null {
  const rpu = (v: RankedVariant) => (v.totals.units > 0 ? v.totals.revenue / v.totals.units : 0);
  let leader: RankedVariant | null = null;
  for (const variant of variants) if (!leader || rpu(variant) > rpu(leader)) leader = variant;
  if (!leader) return null;
  const top = leader;
  const margins = variants
    .filter((v) => v.arm !== top.arm)
    .map((other): LeaderMargin => {
      const difference = adjust(
        compareArms(revenueSums(other.totals), revenueSums(top.totals), {
          ...engineOptions(settings, settings.minRevenue),
          metric: 'mean',
          difference: 'absolute',
        }),
        settings.family,
      );
      return {
        arm: other.arm,
        label: other.label,
        difference,
        distinguishable: difference.stddev > 0 && difference.ci[0] > 0,
      };
    });
  return { leader: top, margins };
}
