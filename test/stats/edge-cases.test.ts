import { describe, expect, test } from 'vitest';
import { type ArmSums, type CompareOptions, compareArms } from '../../server/stats';
import { buildProportionArm, gbMeanControl, gbMeanTreatment } from './fixtures';

const frequentist: CompareOptions = {
  metric: 'mean',
  engine: 'frequentist',
  difference: 'relative',
};
const healthy: ArmSums = { n: 500, sum: 5000, sumSquares: 54500 };

function expectAllFinite(values: Array<number | undefined>): void {
  for (const value of values) {
    if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
  }
}

describe('degenerate inputs return an uninformative result with a warning', () => {
  test('n = 0 in both arms', () => {
    const empty: ArmSums = { n: 0, sum: 0, sumSquares: 0 };
    const result = compareArms(empty, empty, frequentist);
    expect(result).toMatchObject({ expected: 0, ci: [0, 0], stddev: 0, pValue: 1 });
    expect(result.warnings).toEqual(
      expect.arrayContaining(['not_enough_data', 'zero_variance', 'zero_control_mean']),
    );
    const bayesian = compareArms(empty, empty, { ...frequentist, engine: 'bayesian' });
    expect(bayesian).toMatchObject({ expected: 0, ci: [0, 0], chanceToWin: 0.5 });
  });

  test('n = 0 in the treatment arm only', () => {
    const result = compareArms(healthy, { n: 0, sum: 0, sumSquares: 0 }, frequentist);
    expect(result.pValue).toBe(1);
    expect(result.warnings).toEqual(expect.arrayContaining(['not_enough_data', 'zero_variance']));
  });

  test('n = 1 cannot estimate a variance', () => {
    const result = compareArms({ n: 1, sum: 5, sumSquares: 25 }, healthy, frequentist);
    expect(result).toMatchObject({ expected: 0, ci: [0, 0], pValue: 1 });
    expect(result.warnings).toContain('zero_variance');
  });

  test('a control arm where every unit has the same value', () => {
    const constant: ArmSums = { n: 100, sum: 500, sumSquares: 2500 };
    const result = compareArms(constant, healthy, frequentist);
    expect(result.pValue).toBe(1);
    expect(result.warnings).toContain('zero_variance');
  });

  test('zero conversions in control is zero variance and a zero control mean', () => {
    const result = compareArms(buildProportionArm(0, 1000), buildProportionArm(30, 1000), {
      ...frequentist,
      metric: 'proportion',
    });
    expect(result).toMatchObject({ expected: 0, ci: [0, 0], pValue: 1 });
    expect(result.warnings).toEqual(expect.arrayContaining(['zero_variance', 'zero_control_mean']));
  });

  test('a zero control mean blocks the relative lift but not the absolute difference', () => {
    // Net revenue that nets out to zero in control (refunds) still has a variance.
    const netZero: ArmSums = { n: 400, sum: 0, sumSquares: 40000 };
    const relative = compareArms(netZero, healthy, frequentist);
    expect(relative).toMatchObject({ expected: 0, pValue: 1 });
    expect(relative.warnings).toContain('zero_control_mean');

    const absolute = compareArms(netZero, healthy, { ...frequentist, difference: 'absolute' });
    expect(absolute.expected).toBeCloseTo(10, 10);
    expect(absolute.pValue).toBeLessThan(0.05);
    expect(absolute.warnings).toContain('zero_control_mean');
  });

  test('a ratio metric whose control denominator is zero (gbstats zero-denominator case)', () => {
    const control: ArmSums = {
      n: 100,
      sum: 0,
      sumSquares: 0,
      denominatorSum: 0,
      denominatorSumSquares: 0,
      crossSum: 0,
    };
    const treatment: ArmSums = {
      n: 120,
      sum: 300,
      sumSquares: 869,
      denominatorSum: 500,
      denominatorSumSquares: 800,
      crossSum: -905,
    };
    const result = compareArms(control, treatment, { ...frequentist, metric: 'ratio' });
    expect(result).toMatchObject({ expected: 0, pValue: 1 });
  });

  test('malformed sums are reported as invalid input instead of throwing', () => {
    const cases: ArmSums[] = [
      { n: Number.NaN, sum: 1, sumSquares: 1 },
      { n: -5, sum: 1, sumSquares: 1 },
      { n: 100, sum: Number.POSITIVE_INFINITY, sumSquares: 1 },
    ];
    for (const arm of cases) {
      const result = compareArms(arm, healthy, frequentist);
      expect(result).toMatchObject({ expected: 0, ci: [0, 0], pValue: 1 });
      expect(result.warnings).toContain('invalid_input');
    }
    const missingDenominator = compareArms(healthy, healthy, { ...frequentist, metric: 'ratio' });
    expect(missingDenominator.warnings).toContain('invalid_input');
  });

  test('unusable options fall back to defaults and say so', () => {
    const reference = compareArms(gbMeanControl, gbMeanTreatment, frequentist);
    const badAlpha = compareArms(gbMeanControl, gbMeanTreatment, { ...frequentist, alpha: 1.5 });
    expect(badAlpha.ci).toEqual(reference.ci);
    expect(badAlpha.warnings).toContain('invalid_input');

    const badPrior = compareArms(gbMeanControl, gbMeanTreatment, {
      ...frequentist,
      engine: 'bayesian',
      prior: { mean: 0, variance: 0, proper: true },
    });
    const flat = compareArms(gbMeanControl, gbMeanTreatment, {
      ...frequentist,
      engine: 'bayesian',
    });
    expect(badPrior.chanceToWin).toBe(flat.chanceToWin);
    expect(badPrior.warnings).toContain('invalid_input');

    const badTuning = compareArms(gbMeanControl, gbMeanTreatment, {
      ...frequentist,
      sequential: { tuning: -1 },
    });
    expect(badTuning.warnings).toContain('invalid_input');
    expectAllFinite([badTuning.expected, ...badTuning.ci, badTuning.pValue]);
  });

  test('no combination of degenerate arms and options produces NaN', () => {
    const arms: ArmSums[] = [
      { n: 0, sum: 0, sumSquares: 0 },
      { n: 1, sum: 1, sumSquares: 1 },
      { n: 2, sum: 0, sumSquares: 0 },
      { n: 10, sum: 10, sumSquares: 10 },
      { n: 10, sum: 0, sumSquares: 5, denominatorSum: 0, denominatorSumSquares: 0, crossSum: 0 },
      { n: 10, sum: 3, sumSquares: 3, denominatorSum: 10, denominatorSumSquares: 10, crossSum: 3 },
      healthy,
    ];
    const variants: CompareOptions[] = [];
    for (const metric of ['mean', 'proportion', 'ratio'] as const) {
      for (const engine of ['frequentist', 'bayesian'] as const) {
        for (const difference of ['relative', 'absolute'] as const) {
          variants.push({ metric, engine, difference });
          variants.push({ metric, engine, difference, sequential: {} });
        }
      }
    }
    for (const control of arms) {
      for (const treatment of arms) {
        for (const options of variants) {
          const result = compareArms(control, treatment, options);
          expectAllFinite([result.expected, result.stddev, ...result.ci]);
          expectAllFinite([result.pValue, result.chanceToWin]);
          expect(result.ci[0]).toBeLessThanOrEqual(result.ci[1]);
        }
      }
    }
  });
});

describe('GrowthBook result warnings', () => {
  test('not enough data until the larger metric total reaches 150', () => {
    const control = buildProportionArm(100, 1000);
    const below = compareArms(control, buildProportionArm(149, 1000), {
      ...frequentist,
      metric: 'proportion',
    });
    expect(below.warnings).toContain('not_enough_data');
    const reached = compareArms(control, buildProportionArm(150, 1000), {
      ...frequentist,
      metric: 'proportion',
    });
    expect(reached.warnings).not.toContain('not_enough_data');
  });

  test('not enough data when either arm has a zero total, however large the other', () => {
    const result = compareArms(buildProportionArm(0, 5000), buildProportionArm(900, 5000), {
      ...frequentist,
      metric: 'proportion',
      difference: 'absolute',
    });
    expect(result.warnings).toContain('not_enough_data');
  });

  test('the minimum total can be set per metric', () => {
    const result = compareArms(healthy, healthy, { ...frequentist, minSampleSize: 1_000_000 });
    expect(result.warnings).toContain('not_enough_data');
  });

  test('a lift of 50% or more is suspicious in either direction', () => {
    const control: ArmSums = { n: 1000, sum: 10000, sumSquares: 1_090_000 };
    const up: ArmSums = { n: 1000, sum: 15000, sumSquares: 2_315_000 };
    const slightlyLess: ArmSums = { n: 1000, sum: 14900, sumSquares: 2_287_000 };
    const down: ArmSums = { n: 1000, sum: 5000, sumSquares: 115_000 };
    expect(compareArms(control, up, frequentist).warnings).toContain('suspicious_lift');
    expect(compareArms(control, slightlyLess, frequentist).warnings).not.toContain(
      'suspicious_lift',
    );
    expect(compareArms(control, down, frequentist).warnings).toContain('suspicious_lift');
    const absolute = compareArms(control, up, { ...frequentist, difference: 'absolute' });
    expect(absolute.warnings).toContain('suspicious_lift');
    const relaxed = compareArms(control, up, { ...frequentist, maxPercentChange: 0.8 });
    expect(relaxed.warnings).not.toContain('suspicious_lift');
  });

  test('a clean, well-powered comparison carries no warnings', () => {
    const result = compareArms(buildProportionArm(500, 5000), buildProportionArm(560, 5000), {
      ...frequentist,
      metric: 'proportion',
    });
    expect(result.warnings).toEqual([]);
  });
});
