/** How the per-unit value of a metric is shaped. */
export type MetricKind = 'mean' | 'proportion' | 'ratio';

/** Which statistics engine answers the comparison. */
export type StatsEngine = 'frequentist' | 'bayesian';

/** Report the effect as a lift over control, or as a difference in metric units. */
export type DifferenceType = 'relative' | 'absolute';

/**
 * Per-arm sums, the only thing the database has to aggregate.
 * For a proportion `sum` is the number of converted units (sumSquares may equal sum).
 * Ratio metrics (e.g. AOV = revenue / orders per unit) add the denominator's sums and
 * the per-unit cross product Σ(numerator · denominator).
 */
export interface ArmSums {
  n: number;
  sum: number;
  sumSquares: number;
  denominatorSum?: number;
  denominatorSumSquares?: number;
  crossSum?: number;
}

/** Gaussian prior on the effect, on the relative scale (GrowthBook's default prior type). */
export interface GaussianPrior {
  mean: number;
  variance: number;
  proper: boolean;
}

export interface SequentialOptions {
  /** N*: the total sample size (both arms) at which the interval is tightest. */
  tuning?: number;
}

export interface CompareOptions {
  metric: MetricKind;
  engine: StatsEngine;
  difference: DifferenceType;
  alpha?: number;
  /** Always-valid intervals; frequentist engine only. */
  sequential?: SequentialOptions;
  /** Bayesian engine only; flat (improper) when omitted. */
  prior?: Partial<GaussianPrior>;
  /**
   * GrowthBook's minimum metric total before a result is trusted (default 150). It is in the
   * metric's own units (conversions, or revenue in minor units), so revenue callers should
   * pass a threshold that means something in their currency.
   */
  minSampleSize?: number;
  /** |relative lift| at or above which a result is flagged as suspicious (default 0.5). */
  maxPercentChange?: number;
}

export type StatsWarning =
  | 'not_enough_data'
  | 'suspicious_lift'
  | 'zero_variance'
  | 'zero_control_mean'
  | 'invalid_input'
  | 'srm';

export interface Comparison {
  /** Point estimate (frequentist) or posterior mean (Bayesian) of the effect. */
  expected: number;
  ci: [number, number];
  /** Standard error (frequentist) or posterior standard deviation (Bayesian). */
  stddev: number;
  pValue?: number;
  chanceToWin?: number;
  warnings: StatsWarning[];
}

/** One arm reduced to what the tests need: units, per-unit mean and per-unit variance. */
export interface ArmMoments {
  n: number;
  mean: number;
  variance: number;
}

/** The effect and its sampling variance, shared by every engine. */
export interface EffectMoments {
  estimate: number;
  variance: number;
}
