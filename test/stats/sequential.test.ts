import { describe, expect, test } from 'vitest';
import { compareArms } from '../../server/stats';
import {
  buildProportionArm,
  gbDimensionControl,
  gbDimensionTreatment,
  gbMeanTreatment,
  gbSequentialControl,
} from './fixtures';

// Expected values are those published by GrowthBook's gbstats tests:
// packages/stats/tests/frequentist/test_tests.py (TestSequentialTTest, 5 decimals) and
// packages/stats/tests/test_gbstats.py (TestAnalyzeMetricDfSequential, 9 decimals).

describe('sequential always-valid intervals', () => {
  test('mean metric with N* = 1000 matches gbstats', () => {
    const result = compareArms(gbSequentialControl, gbMeanTreatment, {
      metric: 'mean',
      engine: 'frequentist',
      difference: 'relative',
      sequential: { tuning: 1000 },
    });
    expect(result.expected).toBeCloseTo(0.50336, 5);
    expect(result.ci[0]).toBeCloseTo(-0.55844, 5);
    expect(result.ci[1]).toBeCloseTo(1.56516, 5);
    expect(result.stddev).toBeCloseTo(0.33341, 5);
    expect(result.pValue).toBe(1);
  });

  test('proportions with the default N* = 5000 match gbstats', () => {
    const result = compareArms(buildProportionArm(1396, 3000), buildProportionArm(2422, 3461), {
      metric: 'proportion',
      engine: 'frequentist',
      difference: 'relative',
      sequential: {},
    });
    expect(result.expected).toBeCloseTo(0.50386, 5);
    expect(result.ci[0]).toBeCloseTo(0.40098, 5);
    expect(result.ci[1]).toBeCloseTo(0.60675, 5);
    expect(result.stddev).toBeCloseTo(0.03386, 5);
    expect(result.pValue).toBeCloseTo(0, 5);
  });

  test('the always-valid p-value and interval match the gbstats end-to-end run', () => {
    const result = compareArms(gbDimensionControl, gbDimensionTreatment, {
      metric: 'mean',
      engine: 'frequentist',
      difference: 'relative',
      sequential: { tuning: 600 },
    });
    expect(result.pValue).toBeCloseTo(0.892332229, 8);
    expect(result.ci[0]).toBeCloseTo(-0.233322085, 8);
  });

  test('the interval is tightest when N* is close to the observed sample size', () => {
    const widthAt = (tuning: number) => {
      const { ci } = compareArms(gbSequentialControl, gbMeanTreatment, {
        metric: 'mean',
        engine: 'frequentist',
        difference: 'relative',
        sequential: { tuning },
      });
      return ci[1] - ci[0];
    };
    expect(widthAt(10)).toBeGreaterThan(widthAt(10000));
    expect(widthAt(10000)).toBeGreaterThan(widthAt(6461));
  });

  test('sequential intervals are wider than the fixed-horizon interval', () => {
    const options = { metric: 'mean', engine: 'frequentist', difference: 'relative' } as const;
    const fixed = compareArms(gbSequentialControl, gbMeanTreatment, options);
    const sequential = compareArms(gbSequentialControl, gbMeanTreatment, {
      ...options,
      sequential: {},
    });
    expect(sequential.ci[1] - sequential.ci[0]).toBeGreaterThan(fixed.ci[1] - fixed.ci[0]);
    expect(sequential.pValue).toBeGreaterThanOrEqual(fixed.pValue ?? 1);
  });

  test('the Bayesian engine ignores the sequential option', () => {
    const options = { metric: 'mean', engine: 'bayesian', difference: 'relative' } as const;
    const plain = compareArms(gbSequentialControl, gbMeanTreatment, options);
    const withSequential = compareArms(gbSequentialControl, gbMeanTreatment, {
      ...options,
      sequential: { tuning: 1000 },
    });
    expect(withSequential).toEqual(plain);
  });
});
