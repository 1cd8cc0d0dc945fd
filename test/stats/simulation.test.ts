import { describe, expect, test } from 'vitest';
import { type ArmSums, type CompareOptions, compareArms } from '../../server/stats';
import { createArmAccumulator, createNormal, createUniform } from './random';

// Seeded simulations: the draws are identical on every run, so these assert the engine's
// long-run behaviour without being flaky. Tolerances are ~3 binomial standard errors.

const ALPHA = 0.05;

function simulateNormalArm(draw: () => number, n: number, mean: number, sd: number): ArmSums {
  const arm = createArmAccumulator();
  for (let i = 0; i < n; i += 1) arm.add(mean + sd * draw());
  return arm.sums();
}

function simulateConversionArm(uniform: () => number, n: number, rate: number): ArmSums {
  let conversions = 0;
  for (let i = 0; i < n; i += 1) if (uniform() < rate) conversions += 1;
  return { n, sum: conversions, sumSquares: conversions };
}

describe('fixed-horizon validity', () => {
  test('A/A tests reject at about alpha for a revenue-like mean metric', () => {
    const draw = createNormal(20240601);
    const experiments = 2000;
    let rejections = 0;
    for (let i = 0; i < experiments; i += 1) {
      const control = simulateNormalArm(draw, 200, 10, 3);
      const treatment = simulateNormalArm(draw, 200, 10, 3);
      const { pValue } = compareArms(control, treatment, {
        metric: 'mean',
        engine: 'frequentist',
        difference: 'relative',
      });
      if ((pValue ?? 1) < ALPHA) rejections += 1;
    }
    expect(Math.abs(rejections / experiments - ALPHA)).toBeLessThan(0.015);
  });

  test('A/A tests reject at about alpha for a conversion rate', () => {
    const uniform = createUniform(7);
    const experiments = 2000;
    let rejections = 0;
    for (let i = 0; i < experiments; i += 1) {
      const control = simulateConversionArm(uniform, 1000, 0.1);
      const treatment = simulateConversionArm(uniform, 1000, 0.1);
      const { pValue } = compareArms(control, treatment, {
        metric: 'proportion',
        engine: 'frequentist',
        difference: 'absolute',
      });
      if ((pValue ?? 1) < ALPHA) rejections += 1;
    }
    expect(Math.abs(rejections / experiments - ALPHA)).toBeLessThan(0.015);
  });

  test('95% intervals cover the true relative lift about 95% of the time', () => {
    const draw = createNormal(99);
    const trueLift = 0.1;
    const experiments = 2000;
    const covered = { frequentist: 0, bayesian: 0 };
    for (let i = 0; i < experiments; i += 1) {
      const control = simulateNormalArm(draw, 300, 10, 4);
      const treatment = simulateNormalArm(draw, 300, 10 * (1 + trueLift), 4);
      for (const engine of ['frequentist', 'bayesian'] as const) {
        const { ci } = compareArms(control, treatment, {
          metric: 'mean',
          engine,
          difference: 'relative',
        });
        if (ci[0] <= trueLift && trueLift <= ci[1]) covered[engine] += 1;
      }
    }
    expect(Math.abs(covered.frequentist / experiments - 0.95)).toBeLessThan(0.015);
    // With a flat prior the credible interval is the normal-approximation interval.
    expect(Math.abs(covered.bayesian / experiments - 0.95)).toBeLessThan(0.015);
  });
});

describe('continuous peeking', () => {
  /**
   * Runs experiments where units arrive one at a time and the report is checked every
   * `lookEvery` units per arm. Returns how often the true lift was ever outside the
   * interval, which for an A/A test is the chance of ever declaring a winner.
   */
  function simulatePeeking(options: CompareOptions, trueLift: number): number {
    const draw = createNormal(4242);
    const experiments = 600;
    const unitsPerArm = 2000;
    const lookEvery = 100;
    let everMissed = 0;
    for (let e = 0; e < experiments; e += 1) {
      const control = createArmAccumulator();
      const treatment = createArmAccumulator();
      let missed = false;
      for (let i = 1; i <= unitsPerArm; i += 1) {
        control.add(10 + 3 * draw());
        treatment.add(10 * (1 + trueLift) + 3 * draw());
        if (i % lookEvery !== 0 || missed) continue;
        const { ci } = compareArms(control.sums(), treatment.sums(), options);
        missed = trueLift < ci[0] || trueLift > ci[1];
      }
      if (missed) everMissed += 1;
    }
    return everMissed / experiments;
  }

  const base: CompareOptions = { metric: 'mean', engine: 'frequentist', difference: 'relative' };

  test('peeking at a fixed-horizon test inflates false positives well beyond alpha', () => {
    expect(simulatePeeking(base, 0)).toBeGreaterThan(2 * ALPHA);
  });

  test('sequential intervals keep the false-positive rate at or below alpha under peeking', () => {
    expect(simulatePeeking({ ...base, sequential: { tuning: 5000 } }, 0)).toBeLessThanOrEqual(
      ALPHA + 0.01,
    );
  });

  test('sequential intervals keep covering a real lift at every look', () => {
    expect(simulatePeeking({ ...base, sequential: {} }, 0.05)).toBeLessThanOrEqual(ALPHA + 0.01);
  });
});
