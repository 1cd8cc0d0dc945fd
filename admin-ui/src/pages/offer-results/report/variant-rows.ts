import type { Comparison, ExperimentReport } from '../../../api/types.js';
import { formatSignedMoney } from '../../../lib/money.js';
import { type Domain, intervalDomain, RELATIVE_LIMITS } from './interval-scale.js';
import { isInformative } from './lift-rows.js';
import {
  formatChanceToWin,
  formatLift,
  formatLiftInterval,
  formatMoneyInterval,
  formatPValue,
} from './report-format.js';
import { pendingText } from './variant-summary.js';

/** A figure with its interval, or null when it is not shown. */
export interface Reading {
  value: string;
  interval: string;
}

/** One content variant against the holdout, for the A/B/n table. */
export interface VariantRow {
  arm: string;
  label: string;
  /** The variant the report names as leading. */
  leader: boolean;
  /** Set while below the minimum sample: shown instead of every figure in the row. */
  pending: string | null;
  incremental: Reading | null;
  revenuePerUnit: Reading | null;
  conversionRate: Reading | null;
  averageOrderValue: Reading | null;
  /** Evidence on revenue per unit: adjusted p-value or chance to win. */
  evidence: string;
  /** Revenue per unit lift, drawn on an axis shared by every variant. */
  comparison: Comparison;
  domain: Domain;
}

function relativeReading(comparison: Comparison, shown: boolean): Reading | null {
  if (!shown || !isInformative(comparison)) return null;
  return { value: formatLift(comparison.expected), interval: formatLiftInterval(comparison.ci) };
}

function evidenceOf(comparison: Comparison): string {
  if (comparison.chanceToWin !== undefined) return formatChanceToWin(comparison.chanceToWin);
  if (comparison.pValue !== undefined) return formatPValue(comparison.pValue);
  return '—';
}

/**
 * A row per variant: incremental revenue, then the relative lifts, each with its (adjusted)
 * interval. The revenue-per-unit bars share one axis so the variants compare at a glance.
 */
export function toVariantRows(report: ExperimentReport): VariantRow[] {
  const shownLifts = report.variants
    .filter((v) => v.ready && isInformative(v.comparisons.revenuePerUnit))
    .map((v) => v.comparisons.revenuePerUnit);
  const domain = intervalDomain(
    shownLifts.flatMap((c) => [c.ci[0], c.ci[1], c.expected]),
    RELATIVE_LIMITS,
  );
  return report.variants.map((variant) => {
    const pending = pendingText(variant);
    const shown = pending === null;
    const { incrementalRevenue, revenuePerUnit, conversionRate, averageOrderValue } =
      variant.comparisons;
    return {
      arm: variant.arm,
      label: variant.label,
      leader: report.leader?.arm === variant.arm,
      pending,
      incremental:
        shown && isInformative(incrementalRevenue)
          ? {
              value: formatSignedMoney(incrementalRevenue.expected, report.currency),
              interval: formatMoneyInterval(incrementalRevenue.ci, report.currency),
            }
          : null,
      revenuePerUnit: relativeReading(revenuePerUnit, shown),
      conversionRate: relativeReading(conversionRate, shown),
      averageOrderValue: relativeReading(averageOrderValue, shown),
      evidence: shown && isInformative(revenuePerUnit) ? evidenceOf(revenuePerUnit) : '—',
      comparison: revenuePerUnit,
      domain,
    };
  });
}
