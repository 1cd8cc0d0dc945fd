import { computeRatioVariance } from './moments';
import type { ArmMoments, DifferenceType, EffectMoments } from './types';

/**
 * Effect of treatment (b) over control (a) and its sampling variance. The relative lift
 * uses the delta method on (b̄ / ā) − 1, so the control mean's own uncertainty widens
 * the interval instead of being treated as a known constant.
 */
export function estimateEffect(
  a: ArmMoments,
  b: ArmMoments,
  difference: DifferenceType,
): EffectMoments {
  const standardErrorA = a.variance / a.n;
  const standardErrorB = b.variance / b.n;
  if (difference === 'absolute') {
    return { estimate: b.mean - a.mean, variance: standardErrorB + standardErrorA };
  }
  return {
    estimate: (b.mean - a.mean) / a.mean,
    variance: computeRatioVariance(b.mean, standardErrorB, a.mean, standardErrorA, 0),
  };
}

/** Welch–Satterthwaite degrees of freedom for two samples with unequal variances. */
export function computeWelchDof(a: ArmMoments, b: ArmMoments): number {
  const termA = a.variance / a.n;
  const termB = b.variance / b.n;
  const denominator = termB ** 2 / (b.n - 1) + termA ** 2 / (a.n - 1);
  return (termA + termB) ** 2 / denominator;
}
