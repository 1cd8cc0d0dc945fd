import type { ArmSums } from '../../server/stats';

// Inputs used by GrowthBook's own gbstats test-suite, so the outputs pinned in these
// tests can be compared digit for digit with the reference implementation.

/** packages/stats/tests/frequentist/test_tests.py: mean 0.41 (sd 3.9) vs 0.70 (sd 6.2). */
export const gbMeanControl: ArmSums = { n: 3407, sum: 1396.87, sumSquares: 52377.9767 };
export const gbMeanTreatment: ArmSums = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };
/** Same sums with n = 3000 in control: the sequential-test fixture. */
export const gbSequentialControl: ArmSums = { n: 3000, sum: 1396.87, sumSquares: 52377.9767 };

/** packages/stats/tests/test_gbstats.py, dimension "one": mean 2.7 (sd 1.1) vs 2.5 (sd 1). */
export const gbDimensionControl: ArmSums = { n: 100, sum: 270, sumSquares: 848.79 };
export const gbDimensionTreatment: ArmSums = { n: 120, sum: 300, sumSquares: 869 };

/** packages/stats/tests/test_gbstats.py, RATIO_STATISTICS_DF. */
export const gbRatioControl: ArmSums = {
  n: 100,
  sum: 270,
  sumSquares: 848.79,
  denominatorSum: 510,
  denominatorSumSquares: 810,
  crossSum: -900,
};
export const gbRatioTreatment: ArmSums = {
  n: 120,
  sum: 300,
  sumSquares: 869,
  denominatorSum: 500,
  denominatorSumSquares: 800,
  crossSum: -905,
};

/** A proportion arm: conversions out of units. */
export function buildProportionArm(conversions: number, n: number): ArmSums {
  return { n, sum: conversions, sumSquares: conversions };
}
