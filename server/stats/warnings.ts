import type { ArmMoments, ArmSums, StatsWarning } from './types';

/** GrowthBook's organisation defaults (metricDefaults.minimumSampleSize / maxPercentageChange). */
export const DEFAULT_MIN_SAMPLE_SIZE = 150;
export const DEFAULT_MAX_PERCENT_CHANGE = 0.5;

export interface WarningThresholds {
  minSampleSize: number;
  maxPercentChange: number;
}

/**
 * GrowthBook's hasEnoughData: both arms need a non-zero metric total (conversions,
 * revenue, or a ratio's numerator) and the larger of the two must reach the minimum.
 * Totals are compared by magnitude so net-negative metrics (refunds) are judged fairly.
 */
export function hasEnoughData(
  control: ArmSums,
  treatment: ArmSums,
  minSampleSize: number,
): boolean {
  if (control.n <= 0 || treatment.n <= 0) return false;
  if (!control.sum || !treatment.sum) return false;
  return Math.max(Math.abs(control.sum), Math.abs(treatment.sum)) >= minSampleSize;
}

/** GrowthBook's isSuspiciousUplift, judged on the raw relative change of the means. */
export function isSuspiciousLift(a: ArmMoments, b: ArmMoments, maxPercentChange: number): boolean {
  if (!a.mean || !b.mean) return false;
  const lift = (b.mean - a.mean) / Math.abs(a.mean);
  return lift !== 0 && Math.abs(lift) >= maxPercentChange;
}

/** Every warning the inputs justify, in a stable order. */
export function collectWarnings(
  arms: { control: ArmSums; treatment: ArmSums; a: ArmMoments; b: ArmMoments },
  thresholds: WarningThresholds,
): StatsWarning[] {
  const { control, treatment, a, b } = arms;
  const warnings: StatsWarning[] = [];
  if (!hasEnoughData(control, treatment, thresholds.minSampleSize))
    warnings.push('not_enough_data');
  if (isSuspiciousLift(a, b, thresholds.maxPercentChange)) warnings.push('suspicious_lift');
  if (!(a.variance > 0) || !(b.variance > 0)) warnings.push('zero_variance');
  if (a.mean === 0) warnings.push('zero_control_mean');
  return warnings;
}
