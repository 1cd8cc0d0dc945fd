import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import type { StatsWarning } from './types';

/** GrowthBook raises its sample-ratio-mismatch alert below this p-value. */
export const SRM_THRESHOLD = 0.001;

/**
 * Below this p-value the report mentions the split (a line, not an alert): a mismatch this
 * unlikely is worth a look, though GrowthBook only acts on it below SRM_THRESHOLD.
 */
export const SRM_NOTICE_THRESHOLD = 0.05;

/**
 * Chi-square goodness-of-fit p-value of the observed units per arm against the configured
 * traffic weights (gbstats check_srm). Arms with a non-positive weight are skipped, as in
 * GrowthBook. Returns 1 (no evidence of mismatch) for empty or malformed input.
 */
export function srmPValue(counts: number[], weights: number[]): number {
  if (counts.length < 2 || counts.length !== weights.length) return 1;
  const valid = [...counts, ...weights].every((x) => Number.isFinite(x));
  if (!valid) return 1;
  const totalObserved = counts.reduce((acc, x) => acc + x, 0);
  const totalWeight = weights.reduce((acc, w) => acc + Math.max(w, 0), 0);
  if (totalObserved <= 0 || totalWeight <= 0) return 1;
  let statistic = 0;
  counts.forEach((observed, i) => {
    const weight = weights[i] ?? 0;
    if (weight <= 0) return;
    const expected = (weight / totalWeight) * totalObserved;
    statistic += (observed - expected) ** 2 / expected;
  });
  return Math.max(0, 1 - chisquareCdf(statistic, counts.length - 1));
}

/** SRM p-value with the 'srm' warning when it crosses GrowthBook's alert threshold. */
export function checkSampleRatio(
  counts: number[],
  weights: number[],
): { pValue: number; warnings: StatsWarning[] } {
  const pValue = srmPValue(counts, weights);
  return { pValue, warnings: pValue < SRM_THRESHOLD ? ['srm'] : [] };
}
