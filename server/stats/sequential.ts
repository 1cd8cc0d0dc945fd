import type { IntervalResult } from './frequentist';
import type { EffectMoments } from './types';

/** GrowthBook's default N* (DEFAULT_SEQUENTIAL_TESTING_TUNING_PARAMETER). */
export const DEFAULT_SEQUENTIAL_TUNING = 5000;

/**
 * Mixture width ρ chosen so the always-valid interval is tightest at n = N*
 * (Howard et al. 2021, eq. 14; the Eppo / GrowthBook parameterisation).
 */
export function computeSequentialRho(alpha: number, tuning: number): number {
  const logTerm = -2 * Math.log(alpha);
  return Math.sqrt((logTerm + Math.log(logTerm + 1)) / tuning);
}

/**
 * Always-valid two-sided interval and p-value for an effect after n total units
 * (gbstats SequentialTwoSidedTTest). The interval holds at every look simultaneously,
 * so a merchant may watch the report daily without inflating false positives.
 */
export function runSequentialTest(
  effect: EffectMoments,
  totalUnits: number,
  alpha: number,
  tuning: number,
): IntervalResult {
  const stddev = Math.sqrt(effect.variance);
  const rho = computeSequentialRho(alpha, tuning);
  const nRho2 = totalUnits * rho * rho;
  // Per-unit variance s² = se² · n; the half-width below is sqrt(s²) times the mixture bound.
  const perUnitVariance = effect.variance * totalUnits;
  const halfWidth =
    Math.sqrt(perUnitVariance) *
    Math.sqrt(
      ((2 * (nRho2 + 1)) / (totalUnits * rho) ** 2) * Math.log(Math.sqrt(nRho2 + 1) / alpha),
    );
  // The p-value is 1 / e-value of the normal mixture martingale (arXiv 2103.06476, eq. 155),
  // computed in log space so a huge e-value becomes p = 0 instead of Infinity / Infinity.
  const z2 = (effect.estimate / stddev) ** 2;
  const logEValue = (nRho2 * z2) / (2 * (nRho2 + 1)) - 0.5 * Math.log(nRho2 + 1);
  return {
    expected: effect.estimate,
    ci: [effect.estimate - halfWidth, effect.estimate + halfWidth],
    stddev,
    pValue: Math.min(1, Math.exp(-logEValue)),
  };
}
