import { describe, expect, test } from 'vitest';
import { compareArms } from '../../server/stats';
import {
  buildProportionArm,
  gbDimensionControl,
  gbDimensionTreatment,
  gbRatioControl,
  gbRatioTreatment,
} from './fixtures';

// Expected values are those published by GrowthBook's gbstats tests:
// packages/stats/tests/bayesian/test_tests.py (5 decimals) and
// packages/stats/tests/test_gbstats.py (9 decimals).

const gaussianControl = { n: 10, sum: 100, sumSquares: 1002.25 };
const gaussianTreatment = { n: 10, sum: 105, sumSquares: 1111.5 };

describe('Bayesian effect-size test (normal approximation)', () => {
  test('49/100 vs 51/100 conversions gives gbstats chance to win', () => {
    const result = compareArms(buildProportionArm(49, 100), buildProportionArm(51, 100), {
      metric: 'proportion',
      engine: 'bayesian',
      difference: 'relative',
    });
    expect(result.chanceToWin).toBeCloseTo(0.60918, 5);
    expect(result.expected).toBeCloseTo(0.04082, 5);
    expect(result.ci[0]).toBeCloseTo(-0.24779, 5);
    expect(result.ci[1]).toBeCloseTo(0.32943, 5);
    expect(result.stddev).toBeCloseTo(0.14725, 5);
    expect(result.pValue).toBeUndefined();
  });

  test('a mean metric with a flat prior matches gbstats', () => {
    const result = compareArms(gaussianControl, gaussianTreatment, {
      metric: 'mean',
      engine: 'bayesian',
      difference: 'relative',
    });
    expect(result.expected).toBeCloseTo(0.05, 5);
    expect(result.ci[0]).toBeCloseTo(-0.02, 5);
    expect(result.ci[1]).toBeCloseTo(0.12, 5);
    expect(result.stddev).toBeCloseTo(0.03572, 5);
    expect(result.chanceToWin).toBeCloseTo(0.91923, 5);
  });

  test('a proper prior shrinks the posterior towards the prior mean as in gbstats', () => {
    const result = compareArms(gaussianControl, gaussianTreatment, {
      metric: 'mean',
      engine: 'bayesian',
      difference: 'relative',
      prior: { mean: 0.1, variance: 0.1, proper: true },
    });
    expect(result.expected).toBeCloseTo(0.05063, 5);
    expect(result.ci[0]).toBeCloseTo(-0.01893, 5);
    expect(result.ci[1]).toBeCloseTo(0.12019, 5);
    expect(result.stddev).toBeCloseTo(0.03549, 5);
    expect(result.chanceToWin).toBeCloseTo(0.92315, 5);
  });

  test('an improper prior is the same as no prior', () => {
    const options = { metric: 'mean', engine: 'bayesian', difference: 'relative' } as const;
    const flat = compareArms(gaussianControl, gaussianTreatment, options);
    const improper = compareArms(gaussianControl, gaussianTreatment, {
      ...options,
      prior: { mean: 5, variance: 0.001, proper: false },
    });
    expect(improper).toEqual(flat);
  });

  test('a losing mean metric and a ratio metric match gbstats end-to-end chance to win', () => {
    const losing = compareArms(gbDimensionControl, gbDimensionTreatment, {
      metric: 'mean',
      engine: 'bayesian',
      difference: 'relative',
    });
    expect(losing.expected).toBeCloseTo(-0.074074074, 8);
    expect(losing.chanceToWin).toBeCloseTo(0.071834168, 8);

    const ratio = compareArms(gbRatioControl, gbRatioTreatment, {
      metric: 'ratio',
      engine: 'bayesian',
      difference: 'relative',
    });
    expect(ratio.expected).toBeCloseTo(0.133333333, 8);
    expect(ratio.chanceToWin).toBeCloseTo(0.694926359, 8);
  });

  test('a relative prior is rescaled for absolute differences, keeping chance to win close', () => {
    const control = { n: 100, sum: 1000, sumSquares: 200000 };
    const treatment = { n: 100, sum: 1100, sumSquares: 200005 };
    const prior = { mean: 1, variance: 1, proper: true };
    const base = { metric: 'mean', engine: 'bayesian', prior } as const;
    const absolute = compareArms(control, treatment, { ...base, difference: 'absolute' });
    const relative = compareArms(control, treatment, { ...base, difference: 'relative' });
    // gbstats TestGaussianEffectRelativeAbsolutePriors asserts agreement to 2 places.
    expect(absolute.chanceToWin).toBeCloseTo(relative.chanceToWin ?? 0, 2);
  });
});
