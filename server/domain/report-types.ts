import type {
  Comparison,
  MultipleComparisonMethod,
  StatsEngine,
  StatsWarning,
} from '../stats/index.js';

/**
 * The experiment report's payload (`GET /api/admin/experiments/:key/report`). Declared once here:
 * the server builds it and the admin UI imports these types (type-only, nothing is bundled).
 * Money is minor units of `currency`; rates are fractions.
 */

export type VerdictKind = 'positive' | 'negative' | 'inconclusive' | 'not_enough_data';

export interface Verdict {
  kind: VerdictKind;
  /** One sentence. Before the minimum sample it holds no figure, only how far there is to go. */
  text: string;
}

/** Revenue is the order subtotal after every discount, before shipping and tax, net of refunds. */
export interface ReportArm {
  arm: string;
  /** "Holdout", "Variant A", "Variant B"… */
  label: string;
  holdout: boolean;
  weight: number;
  units: number;
  orders: number;
  conversionRate: number;
  revenue: number;
  revenuePerUnit: number;
  averageOrderValue: number;
  /** Orders holding at least one line the offer added or upgraded. */
  attachedOrders: number;
  /** attachedOrders / orders: the share of the arm's orders the offer got into. */
  attachRate: number;
  /** What the offer's lines credit (an upsell only its price difference); not incremental. */
  attributedRevenue: number;
  /** Discounts on the arm's orders; already taken off `revenue`, so every comparison is net. */
  discounts: number;
  refunds: number;
}

export interface ReportComparisons {
  /** Relative lift of revenue per exposed unit: the primary metric. */
  revenuePerUnit: Comparison;
  conversionRate: Comparison;
  averageOrderValue: Comparison;
  /** (RPU_variant − RPU_holdout) · units_variant, in money, with its interval. */
  incrementalRevenue: Comparison;
}

/** How close an arm, or a comparison's arms, are to the minimum sample. */
export interface SampleProgress {
  minimumOrdersPerArm: number;
  /** Every arm involved has at least the minimum number of orders. */
  reached: boolean;
  /** The largest shortfall among the arms involved (0 once reached). */
  ordersNeeded: number;
  /** The arm furthest from the minimum, named in the text. */
  furthest: { arm: string; label: string; orders: number } | null;
}

/** One content variant against the holdout. */
export interface VariantReport {
  arm: string;
  label: string;
  comparisons: ReportComparisons;
  sample: SampleProgress;
  /**
   * Whether figures may be shown as a result: the minimum sample is reached and the engine could
   * compare. Until then the comparisons are early readings and the UI shows none of them.
   */
  ready: boolean;
  verdict: Verdict;
}

/** Leader minus another variant, on revenue per unit (absolute, minor units per unit). */
export interface LeaderMargin {
  arm: string;
  label: string;
  difference: Comparison;
  /** The whole interval is above zero: the leader is ahead of this variant beyond chance. */
  distinguishable: boolean;
}

export interface LeaderReport {
  /** Null while it is too early, or the split is broken, to name one. */
  arm: string | null;
  label: string | null;
  /**
   * too_early: below the minimum sample; unreliable: sample ratio mismatch; ahead: highest revenue
   * per unit but not told apart from every other variant; clear: ahead of every other beyond chance.
   */
  status: 'too_early' | 'unreliable' | 'ahead' | 'clear';
  margins: LeaderMargin[];
  text: string;
}

export interface MultipleComparisons {
  /** Content variants, each compared with the holdout. */
  variants: number;
  method: MultipleComparisonMethod;
  /** The chance of any false call across the family is kept at or below this. */
  familyAlpha: number;
  /** Each variant-vs-holdout interval and verdict uses this (familyAlpha / variants). */
  alphaPerComparison: number;
  /** The leader-vs-others intervals: familyAlpha over every pair of variants. */
  alphaPerPair: number | null;
  /** p-values in `variants[].comparisons` are Bonferroni-adjusted (min(1, k·p)) when k > 1. */
  pValues: 'raw' | 'bonferroni_adjusted';
  note: string;
}

export interface ReportSrm {
  pValue: number;
  /** Below GrowthBook's 0.001: results are not called. */
  flagged: boolean;
  /** none; notice: p < 0.05 (a line); alert: p < 0.001 (blocks the verdict). */
  level: 'none' | 'notice' | 'alert';
  /** The line to show, or null when the split is in line with the weights. */
  text: string | null;
}

export interface DailyArmTotals {
  units: number;
  orders: number;
  revenue: number;
}

export interface ReportDayVariant {
  arm: string;
  totals: DailyArmTotals;
  lift: number;
  ci: [number, number];
  /** The minimum sample was reached by this day; before, the lift is not a reading. */
  ready: boolean;
}

/** Cumulative totals up to and including `date` (UTC, YYYY-MM-DD), by exposure day. */
export interface ReportDay {
  date: string;
  control: DailyArmTotals;
  /** The first variant (single-variant offers: the only one). */
  treatment: DailyArmTotals;
  /** The first variant's relative lift of revenue per unit so far, and its interval. */
  lift: number;
  ci: [number, number];
  ready: boolean;
  variants: ReportDayVariant[];
}

export interface ReportDefinitions {
  revenue: string;
  discounts: string;
  incrementalRevenue: string;
  attachRate: string;
  attributedRevenue: string;
}

export interface ExperimentReport {
  experimentKey: string;
  offerId: string;
  offerName: string | null;
  currency: string;
  startedAt: number;
  stoppedAt: number | null;
  engine: StatsEngine;
  sequential: boolean;
  /** The family alpha; each variant's intervals use `multipleComparisons.alphaPerComparison`. */
  alpha: number;
  arms: ReportArm[];
  /** The first variant against the holdout (what single-variant reports always had). */
  comparisons: ReportComparisons;
  variants: VariantReport[];
  /** Which variant leads; null for a single-variant offer. */
  leader: LeaderReport | null;
  multipleComparisons: MultipleComparisons;
  /** Over every arm and the minimum orders per arm. */
  sample: SampleProgress;
  /** Every variant is ready: figures may headline. */
  ready: boolean;
  srm: ReportSrm;
  warnings: StatsWarning[];
  dataQuality: {
    /** Exposed checkouts the web pixel saw complete. */
    pixelConversions: number;
    /** …of which the signed orders/create webhook has confirmed (revenue counts only these). */
    confirmedByWebhook: number;
    pendingConfirmation: number;
  };
  verdict: Verdict;
  definitions: ReportDefinitions;
  daily: ReportDay[];
}
