import { describe, expect, test } from 'vitest';
import { compareArms, incrementalTotal } from '../../server/stats';
import { gbMeanControl, gbMeanTreatment, gbRatioControl, gbRatioTreatment } from './fixtures';

describe('incremental revenue', () => {
  test('is the absolute difference in revenue per unit times treatment units', () => {
    const options = { metric: 'mean', engine: 'frequentist' } as const;
    const result = incrementalTotal(gbMeanControl, gbMeanTreatment, options);
    // gbstats: absolute difference 0.29, CI (0.04538, 0.53462); n_T = 3461.
    expect(result.expected).toBeCloseTo(0.29 * 3461, 6);
    expect(result.ci[0]).toBeCloseTo(0.0453779 * 3461, 2);
    expect(result.ci[1]).toBeCloseTo(0.5346221 * 3461, 2);
    const absolute = compareArms(gbMeanControl, gbMeanTreatment, {
      ...options,
      difference: 'absolute',
    });
    expect(result.pValue).toBe(absolute.pValue);
    expect(result.stddev).toBeCloseTo(absolute.stddev * 3461, 8);
  });

  test('works with the Bayesian engine and keeps its chance to win', () => {
    const options = { metric: 'mean', engine: 'bayesian' } as const;
    const result = incrementalTotal(gbMeanControl, gbMeanTreatment, options);
    const absolute = compareArms(gbMeanControl, gbMeanTreatment, {
      ...options,
      difference: 'absolute',
    });
    expect(result.chanceToWin).toBe(absolute.chanceToWin);
    expect(result.ci[0]).toBeCloseTo(absolute.ci[0] * 3461, 8);
  });

  test('scales a ratio metric by the treatment denominator total', () => {
    const result = incrementalTotal(gbRatioControl, gbRatioTreatment, {
      metric: 'ratio',
      engine: 'frequentist',
    });
    expect(result.expected).toBeCloseTo((300 / 500 - 270 / 510) * 500, 10);
  });

  test('an uninformative comparison stays uninformative and keeps its warnings', () => {
    const result = incrementalTotal(
      { n: 0, sum: 0, sumSquares: 0 },
      { n: 10, sum: 50, sumSquares: 300 },
      { metric: 'mean', engine: 'frequentist' },
    );
    expect(result).toMatchObject({ expected: 0, ci: [0, 0], stddev: 0, pValue: 1 });
    expect(result.warnings).toContain('not_enough_data');
  });
});
