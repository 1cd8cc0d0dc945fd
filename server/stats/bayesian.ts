import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { EffectMoments, GaussianPrior } from './types';

export interface BayesianResult {
  expected: number;
  ci: [number, number];
  stddev: number;
  chanceToWin: number;
}

/** Improper flat prior: the posterior is the data's own normal approximation. */
export const FLAT_PRIOR: GaussianPrior = { mean: 0, variance: 1, proper: false };

/**
 * GrowthBook's effect-size Bayesian test (gbstats EffectBayesianABTest): the effect is
 * approximately normal with the frequentist moments as likelihood, combined with a
 * Gaussian prior on the effect by precision weighting when the prior is proper.
 */
export function runBayesianTest(
  effect: EffectMoments,
  alpha: number,
  prior: GaussianPrior,
): BayesianResult {
  const dataPrecision = 1 / effect.variance;
  const priorPrecision = prior.proper ? 1 / prior.variance : 0;
  const posteriorPrecision = dataPrecision + priorPrecision;
  const mean = prior.proper
    ? (effect.estimate * dataPrecision + prior.mean * priorPrecision) / posteriorPrecision
    : effect.estimate;
  const stddev = Math.sqrt(1 / posteriorPrecision);
  return {
    expected: mean,
    ci: [normalQuantile(alpha / 2, mean, stddev), normalQuantile(1 - alpha / 2, mean, stddev)],
    stddev,
    // P(effect > 0) under the posterior.
    chanceToWin: normalCdf(mean / stddev, 0, 1),
  };
}

/**
 * Priors are stated on the relative scale; for an absolute comparison GrowthBook rescales
 * them by the control mean so the same prior means the same belief in both views.
 */
export function scalePriorToAbsolute(prior: GaussianPrior, controlMean: number): GaussianPrior {
  return {
    mean: prior.mean * Math.abs(controlMean),
    variance: prior.variance * controlMean ** 2,
    proper: prior.proper,
  };
}
