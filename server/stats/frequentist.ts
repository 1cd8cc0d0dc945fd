import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { EffectMoments } from './types';

export interface IntervalResult {
  expected: number;
  ci: [number, number];
  stddev: number;
  pValue: number;
}

/**
 * Two-sided Welch t-test on an effect (gbstats TwoSidedTTest). The p-value is taken from
 * the lower tail, 2·F(−|t|), rather than 2·(1 − F(|t|)), so tiny p-values keep their digits.
 */
export function runTwoSidedTTest(
  effect: EffectMoments,
  dof: number,
  alpha: number,
): IntervalResult {
  const stddev = Math.sqrt(effect.variance);
  const t = effect.estimate / stddev;
  const halfWidth = tQuantile(1 - alpha / 2, dof) * stddev;
  return {
    expected: effect.estimate,
    ci: [effect.estimate - halfWidth, effect.estimate + halfWidth],
    stddev,
    pValue: Math.min(1, 2 * tCdf(-Math.abs(t), dof)),
  };
}
