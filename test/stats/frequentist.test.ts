import { describe, expect, test } from 'vitest';
import { compareArms } from '../../server/stats';
import {
  buildProportionArm,
  gbDimensionControl,
  gbDimensionTreatment,
  gbMeanControl,
  gbMeanTreatment,
  gbRatioControl,
  gbRatioTreatment,
} from './fixtures';

// Expected values are those published by GrowthBook's gbstats tests:
// packages/stats/tests/frequentist/test_tests.py (5 decimals) and
// packages/stats/tests/test_gbstats.py (9 decimals).

describe('frequentist two-sided Welch t-test', () => {
  test('relative lift uses the delta method and matches gbstats', () => {
    const result = compareArms(gbMeanControl, gbMeanTreatment, {
      metric: 'mean',
      engine: 'frequentist',
      difference: 'relative',
    });
    expect(result.expected).toBeCloseTo(0.70732, 5);
    expect(result.ci[0]).toBeCloseTo(-0.03526, 5);
    expect(result.ci[1]).toBeCloseTo(1.44989, 5);
    expect(result.stddev).toBeCloseTo(0.37879, 5);
    expect(result.pValue).toBeCloseTo(0.06191, 5);
    expect(result.chanceToWin).toBeUndefined();
  });

  test('absolute difference matches gbstats', () => {
    const result = compareArms(gbMeanControl, gbMeanTreatment, {
      metric: 'mean',
      engine: 'frequentist',
      difference: 'absolute',
    });
    expect(result.expected).toBeCloseTo(0.29, 5);
    expect(result.ci[0]).toBeCloseTo(0.04538, 5);
    expect(result.ci[1]).toBeCloseTo(0.53462, 5);
    expect(result.stddev).toBeCloseTo(0.12478, 5);
    expect(result.pValue).toBeCloseTo(0.02016, 5);
  });

  test('proportions use the Bernoulli variance and match gbstats', () => {
    const result = compareArms(buildProportionArm(14, 28), buildProportionArm(16, 30), {
      metric: 'proportion',
      engine: 'frequentist',
      difference: 'relative',
    });
    expect(result.expected).toBeCloseTo(0.06667, 5);
    expect(result.ci[0]).toBeCloseTo(-0.47767, 5);
    expect(result.ci[1]).toBeCloseTo(0.61101, 5);
    expect(result.stddev).toBeCloseTo(0.2717, 5);
    expect(result.pValue).toBeCloseTo(0.80707, 5);
  });

  test('a losing mean metric matches the gbstats end-to-end p-value', () => {
    const result = compareArms(gbDimensionControl, gbDimensionTreatment, {
      metric: 'mean',
      engine: 'frequentist',
      difference: 'relative',
    });
    expect(result.expected).toBeCloseTo(-0.074074074, 8);
    expect(result.pValue).toBeCloseTo(0.145219005, 8);
  });

  test('a ratio metric uses the delta method over numerator and denominator', () => {
    const result = compareArms(gbRatioControl, gbRatioTreatment, {
      metric: 'ratio',
      engine: 'frequentist',
      difference: 'relative',
    });
    expect(result.expected).toBeCloseTo(0.133333333, 8);
    expect(result.pValue).toBeCloseTo(0.610663339, 8);
    expect(result.warnings).toEqual([]);
  });

  test('a narrower alpha widens the interval around the same estimate', () => {
    const options = { metric: 'mean', engine: 'frequentist', difference: 'relative' } as const;
    const at95 = compareArms(gbMeanControl, gbMeanTreatment, options);
    const at99 = compareArms(gbMeanControl, gbMeanTreatment, { ...options, alpha: 0.01 });
    expect(at99.expected).toBe(at95.expected);
    expect(at99.ci[0]).toBeLessThan(at95.ci[0]);
    expect(at99.ci[1]).toBeGreaterThan(at95.ci[1]);
    expect(at99.pValue).toBe(at95.pValue);
  });

  test('the p-value keeps its precision far in the tail instead of rounding to 0', () => {
    const result = compareArms(buildProportionArm(1000, 10000), buildProportionArm(1400, 10000), {
      metric: 'proportion',
      engine: 'frequentist',
      difference: 'absolute',
    });
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1e-15);
  });
});
