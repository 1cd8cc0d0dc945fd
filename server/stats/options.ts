import { FLAT_PRIOR } from './bayesian';
import { DEFAULT_SEQUENTIAL_TUNING } from './sequential';
import type { CompareOptions, GaussianPrior } from './types';
import { DEFAULT_MAX_PERCENT_CHANGE, DEFAULT_MIN_SAMPLE_SIZE } from './warnings';

export const DEFAULT_ALPHA = 0.05;

export interface ResolvedOptions {
  alpha: number;
  sequentialTuning: number | null;
  prior: GaussianPrior;
  minSampleSize: number;
  maxPercentChange: number;
  /** Set when a supplied option was unusable and its default was taken instead. */
  invalid: boolean;
}

function isPositiveFinite(x: number | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x > 0;
}

function resolvePrior(prior: CompareOptions['prior']): { prior: GaussianPrior; invalid: boolean } {
  if (!prior) return { prior: FLAT_PRIOR, invalid: false };
  const merged: GaussianPrior = { ...FLAT_PRIOR, ...prior };
  if (!merged.proper) return { prior: FLAT_PRIOR, invalid: false };
  // A proper prior needs a usable variance; anything else falls back to flat rather than
  // silently dividing by zero.
  if (!isPositiveFinite(merged.variance) || !Number.isFinite(merged.mean)) {
    return { prior: FLAT_PRIOR, invalid: true };
  }
  return { prior: merged, invalid: false };
}

/** Fills defaults and replaces unusable values, remembering that it had to. */
export function resolveOptions(options: CompareOptions): ResolvedOptions {
  let invalid = false;
  let alpha = DEFAULT_ALPHA;
  if (options.alpha !== undefined) {
    if (isPositiveFinite(options.alpha) && options.alpha < 1) alpha = options.alpha;
    else invalid = true;
  }
  let sequentialTuning: number | null = null;
  if (options.sequential) {
    const tuning = options.sequential.tuning ?? DEFAULT_SEQUENTIAL_TUNING;
    if (isPositiveFinite(tuning)) sequentialTuning = tuning;
    else {
      sequentialTuning = DEFAULT_SEQUENTIAL_TUNING;
      invalid = true;
    }
  }
  const resolvedPrior = resolvePrior(options.prior);
  const minSampleSize = options.minSampleSize ?? DEFAULT_MIN_SAMPLE_SIZE;
  const maxPercentChange = options.maxPercentChange ?? DEFAULT_MAX_PERCENT_CHANGE;
  return {
    alpha,
    sequentialTuning,
    prior: resolvedPrior.prior,
    minSampleSize: Number.isFinite(minSampleSize) ? minSampleSize : DEFAULT_MIN_SAMPLE_SIZE,
    maxPercentChange: Number.isFinite(maxPercentChange)
      ? maxPercentChange
      : DEFAULT_MAX_PERCENT_CHANGE,
    invalid: invalid || resolvedPrior.invalid,
  };
}
