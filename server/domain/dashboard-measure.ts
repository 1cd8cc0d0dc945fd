import { armLabel } from '../../core/offers/catalog.js';
import type { ArmColumn } from '../../drizzle/schema.js';
import { checkSampleRatio, type StatsEngine } from '../stats/index.js';
import type { MeasurementState, MoneyEstimate } from './dashboard-types.js';
import { type ArmTotals, addTotals, compareVariant, EMPTY_TOTALS } from './report-comparisons.js';
import { sampleProgress } from './report-sample.js';
import { describeVerdict } from './report-verdict.js';

/**
 * How much one experiment added in a date range, judged by the report's own rules (reused, not
 * restated): the minimum sample of `report-sample.ts`, the engine's "cannot compare" warnings and
 * the sample ratio check — all through `describeVerdict`, which states no figure before them.
 *
 * The offer's content variants are pooled against the holdout. The pooled estimate
 * (RPU_pooled − RPU_holdout) · n_pooled equals the sum of the per-variant incremental revenues
 * the report shows, and its variance counts the shared holdout once instead of k times.
 */
export interface ExperimentSums {
  arms: readonly ArmColumn[];
  totals: ReadonlyMap<string, ArmTotals>;
}

export interface MeasureSettings {
  engine: StatsEngine;
  sequential: boolean;
  alpha: number;
  /** GrowthBook's minimum revenue total, minor units (the report passes 150 major units). */
  minRevenue: number;
}

export type Measurement =
  | { state: 'measured'; estimate: MoneyEstimate; text: string }
  | {
      state: Exclude<MeasurementState, 'measured' | 'no_data'>;
      text: string;
      ordersNeeded: number;
    };

export const NO_HOLDOUT_NOTE =
  'No holdout (0 % held out): nothing to compare with, so what this offer adds is not measured.';

export function measureExperiment(
  experiment: ExperimentSums,
  settings: MeasureSettings,
  currency: string,
): Measurement {
  const control = experiment.arms.find((arm) => arm.holdout);
  const variants = experiment.arms.filter((arm) => !arm.holdout);
  if (!control || control.weight <= 0 || variants.length === 0) {
    return { state: 'unmeasured', text: NO_HOLDOUT_NOTE, ordersNeeded: 0 };
  }
  const totalsOf = (arm: string) => experiment.totals.get(arm) ?? EMPTY_TOTALS;
  const pooled = variants.reduce((sum, arm) => addTotals(sum, totalsOf(arm.key)), EMPTY_TOTALS);
  const sample = sampleProgress(
    experiment.arms.map((arm) => ({
      arm: arm.key,
      label: armLabel(arm.key),
      orders: totalsOf(arm.key).orders,
    })),
  );
  const srmFlagged = checkSampleRatio(
    experiment.arms.map((arm) => totalsOf(arm.key).units),
    experiment.arms.map((arm) => arm.weight),
  ).warnings.includes('srm');
  const comparisons = compareVariant(totalsOf(control.key), pooled, { ...settings, family: 1 });
  const verdict = describeVerdict(
    comparisons.incrementalRevenue,
    comparisons.revenuePerUnit,
    { alpha: settings.alpha, engine: settings.engine, srmFlagged, sample },
    currency,
  );
  if (verdict.kind === 'not_enough_data') {
    return { state: 'waiting', text: verdict.text, ordersNeeded: sample.ordersNeeded };
  }
  if (srmFlagged) return { state: 'unreliable', text: verdict.text, ordersNeeded: 0 };
  const { expected, ci, stddev } = comparisons.incrementalRevenue;
  return { state: 'measured', estimate: { expected, ci, stddev }, text: verdict.text };
}

/**
 * The sum of independent estimates. Expected values add and so do variances. Each interval's
 * distance below and above its estimate adds in quadrature: for normal intervals at one level
 * (distance z·sd) that is exactly z·√(Σ sd²), the interval of the summed variance; for
 * always-valid (sequential) intervals it keeps each offer's wider multiplier instead of dropping
 * back to a fixed-horizon width.
 */
export function combineEstimates(parts: readonly MoneyEstimate[]): MoneyEstimate | null {
  if (parts.length === 0) return null;
  let expected = 0;
  let variance = 0;
  let below = 0;
  let above = 0;
  for (const part of parts) {
    expected += part.expected;
    variance += part.stddev ** 2;
    below += (part.expected - part.ci[0]) ** 2;
    above += (part.ci[1] - part.expected) ** 2;
  }
  return {
    expected,
    ci: [expected - Math.sqrt(below), expected + Math.sqrt(above)],
    stddev: Math.sqrt(variance),
  };
}

export interface OfferMeasurement {
  state: MeasurementState;
  incrementalRevenue: MoneyEstimate | null;
  ordersNeeded: number;
  notes: string[];
  /** The measured experiments' estimates, for the shop-wide total. */
  parts: MoneyEstimate[];
}

const PRECEDENCE: readonly MeasurementState[] = ['unreliable', 'waiting', 'unmeasured'];

/** An offer's experiments in the range (a holdout change starts a new one) as one row. */
export function summarizeOffer(measurements: readonly Measurement[]): OfferMeasurement {
  const parts: MoneyEstimate[] = [];
  const notes: string[] = [];
  let ordersNeeded = Number.POSITIVE_INFINITY;
  for (const m of measurements) {
    if (m.state === 'measured') {
      parts.push(m.estimate);
      continue;
    }
    notes.push(m.text);
    if (m.state === 'waiting') ordersNeeded = Math.min(ordersNeeded, m.ordersNeeded);
  }
  const state: MeasurementState =
    parts.length > 0
      ? 'measured'
      : (PRECEDENCE.find((s) => measurements.some((m) => m.state === s)) ?? 'no_data');
  return {
    state,
    incrementalRevenue: combineEstimates(parts),
    ordersNeeded: state === 'waiting' && Number.isFinite(ordersNeeded) ? ordersNeeded : 0,
    notes,
    parts,
  };
}
