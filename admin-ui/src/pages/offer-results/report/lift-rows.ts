import type {
  Comparison,
  ExperimentReport,
  ReportArm,
  ReportComparisons,
  StatsEngine,
  VariantReport,
} from '../../../api/types.js';
import { formatPercent } from '../../../lib/format.js';
import { formatMoney, formatSignedMoney } from '../../../lib/money.js';
import { type Domain, intervalDomain, RELATIVE_LIMITS } from './interval-scale.js';
import {
  formatChanceToWin,
  formatLift,
  formatLiftInterval,
  formatMoneyInterval,
  formatPValue,
} from './report-format.js';
import { pendingText } from './variant-summary.js';

export type LiftMetric = keyof ReportComparisons;

export interface LiftRow {
  metric: LiftMetric;
  label: string;
  /** What the holdout and variant columns hold, when it is not obvious from the label. */
  hint: string | null;
  holdout: string;
  treatment: string;
  /**
   * Null before the minimum sample (then `pending` says how far there is to go) or when the data
   * could not support a comparison (the report's warnings say why).
   */
  lift: string | null;
  /** Set while the variant is below the minimum sample: shown instead of any figure. */
  pending: string | null;
  interval: string | null;
  evidence: string;
  comparison: Comparison;
  /** The axis the drawn interval shares with comparable rows. */
  domain: Domain;
}

/** Incremental revenue first: it is the headline; then the per-unit lift it comes from. */
const ORDER: readonly LiftMetric[] = [
  'incrementalRevenue',
  'revenuePerUnit',
  'conversionRate',
  'averageOrderValue',
];

const LABELS: Record<LiftMetric, string> = {
  incrementalRevenue: 'Incremental revenue',
  revenuePerUnit: 'Revenue per unit',
  conversionRate: 'Conversion rate',
  averageOrderValue: 'Average order value',
};

/** A stddev of zero is the statistics engine's "could not compare" answer. */
export function isInformative(comparison: Comparison): boolean {
  return comparison.stddev > 0;
}

export function evidenceHeading(engine: StatsEngine): string {
  return engine === 'bayesian' ? 'Chance to win' : 'p-value';
}

function formatEvidence(comparison: Comparison): string {
  if (!isInformative(comparison)) return '—';
  if (comparison.chanceToWin !== undefined) return formatChanceToWin(comparison.chanceToWin);
  if (comparison.pValue !== undefined) return formatPValue(comparison.pValue);
  return '—';
}

function armValues(
  metric: Exclude<LiftMetric, 'incrementalRevenue'>,
  arm: ReportArm | undefined,
  currency: string,
) {
  if (!arm || arm.units === 0) return '—';
  if (metric === 'conversionRate') return formatPercent(arm.conversionRate);
  if (metric === 'averageOrderValue') {
    return arm.orders === 0 ? '—' : formatMoney(arm.averageOrderValue, currency);
  }
  return formatMoney(arm.revenuePerUnit, currency);
}

/**
 * Rows for the lift table of one variant against the holdout (the first variant unless named).
 * The relative rows share one axis so their intervals compare at a glance; incremental revenue
 * is money and gets its own. Before the variant's minimum sample no row shows a lift, an
 * interval or a p-value: each says how far there is to go instead.
 */
export function toLiftRows(
  report: ExperimentReport,
  variant: VariantReport | undefined = report.variants[0],
): LiftRow[] {
  const { currency } = report;
  const comparisons = variant?.comparisons ?? report.comparisons;
  const pending = variant ? pendingText(variant) : null;
  const holdout = report.arms.find((arm) => arm.holdout);
  const treatment = report.arms.find((arm) => arm.arm === (variant?.arm ?? 'treatment'));
  const relative = ORDER.filter((m) => m !== 'incrementalRevenue')
    .map((m) => comparisons[m])
    .filter(isInformative);
  const relativeDomain = intervalDomain(
    relative.flatMap((c) => [c.ci[0], c.ci[1], c.expected]),
    RELATIVE_LIMITS,
  );
  const incremental = comparisons.incrementalRevenue;
  const incrementalDomain = intervalDomain([incremental.ci[0], incremental.ci[1]]);

  return ORDER.map((metric) => {
    const comparison = comparisons[metric];
    const shown = pending === null && isInformative(comparison);
    const base = {
      metric,
      label: LABELS[metric],
      comparison,
      pending,
      evidence: shown ? formatEvidence(comparison) : '—',
    };
    if (metric === 'incrementalRevenue') {
      // Variant revenue minus what the same checkouts would bring at the holdout's rate:
      // the two cells then add up to the incremental figure a merchant can check.
      const baseline = holdout && treatment ? holdout.revenuePerUnit * treatment.units : null;
      return {
        ...base,
        hint: `Holdout: ${treatment?.label ?? 'variant'} units × holdout revenue per unit`,
        holdout: baseline === null ? '—' : formatMoney(baseline, currency),
        treatment: treatment ? formatMoney(treatment.revenue, currency) : '—',
        lift: shown ? formatSignedMoney(comparison.expected, currency) : null,
        interval: shown ? formatMoneyInterval(comparison.ci, currency) : null,
        domain: incrementalDomain,
      };
    }
    return {
      ...base,
      hint: null,
      holdout: armValues(metric, holdout, currency),
      treatment: armValues(metric, treatment, currency),
      lift: shown ? formatLift(comparison.expected) : null,
      interval: shown ? formatLiftInterval(comparison.ci) : null,
      domain: relativeDomain,
    };
  });
}
