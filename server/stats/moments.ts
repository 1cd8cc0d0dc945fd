import type { ArmMoments, ArmSums, MetricKind } from './types';

/** Sample variance from sums; 0 when it cannot be estimated (n ≤ 1). */
function computeSampleVariance(n: number, sum: number, sumSquares: number): number {
  if (n <= 1) return 0;
  return (sumSquares - (sum * sum) / n) / (n - 1);
}

/** Sample covariance of two per-unit values from their sums and cross product. */
function computeSampleCovariance(n: number, sumX: number, sumY: number, crossSum: number): number {
  if (n <= 1) return 0;
  return (crossSum - (sumX * sumY) / n) / (n - 1);
}

/**
 * Delta-method variance of M / D given the moments of M and D and their covariance.
 * Used both for a ratio metric's per-unit variance and for the relative lift.
 */
export function computeRatioVariance(
  meanM: number,
  varM: number,
  meanD: number,
  varD: number,
  covMD: number,
): number {
  if (meanD === 0) return 0;
  return varM / meanD ** 2 + (varD * meanM ** 2) / meanD ** 4 - (2 * covMD * meanM) / meanD ** 3;
}

function summarizeRatioArm(arm: ArmSums): ArmMoments {
  const { n, sum, sumSquares } = arm;
  const denominatorSum = arm.denominatorSum ?? 0;
  const denominatorSumSquares = arm.denominatorSumSquares ?? 0;
  const crossSum = arm.crossSum ?? 0;
  if (n <= 0 || denominatorSum === 0) return { n: Math.max(n, 0), mean: 0, variance: 0 };
  const meanM = sum / n;
  const meanD = denominatorSum / n;
  // GrowthBook treats a ratio's per-unit variance as that of M̄/D̄ scaled back to one unit.
  const variance = computeRatioVariance(
    meanM,
    computeSampleVariance(n, sum, sumSquares),
    meanD,
    computeSampleVariance(n, denominatorSum, denominatorSumSquares),
    computeSampleCovariance(n, sum, denominatorSum, crossSum),
  );
  return { n, mean: sum / denominatorSum, variance };
}

/** Reduces an arm's sums to its per-unit mean and variance for the given metric kind. */
export function summarizeArm(arm: ArmSums, metric: MetricKind): ArmMoments {
  if (metric === 'ratio') return summarizeRatioArm(arm);
  const n = Math.max(arm.n, 0);
  const mean = n === 0 ? 0 : arm.sum / n;
  if (metric === 'proportion') {
    // Bernoulli variance p(1 − p), as gbstats' ProportionStatistic (no n − 1 correction).
    return { n, mean, variance: mean * (1 - mean) };
  }
  return { n, mean, variance: computeSampleVariance(n, arm.sum, arm.sumSquares) };
}
