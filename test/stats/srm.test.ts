import { describe, expect, test } from 'vitest';
import { checkSampleRatio, SRM_THRESHOLD, srmPValue } from '../../server/stats';

describe('sample ratio mismatch check', () => {
  test('matches the gbstats check_srm value (packages/stats/tests/test_gbstats.py)', () => {
    expect(srmPValue([1000, 1200], [0.5, 0.5])).toBeCloseTo(0.000020079, 8);
  });

  test('a balanced split gives a high p-value and no warning', () => {
    expect(srmPValue([5000, 5000], [0.5, 0.5])).toBeCloseTo(1, 10);
    const check = checkSampleRatio([5012, 4988], [0.5, 0.5]);
    expect(check.pValue).toBeGreaterThan(0.5);
    expect(check.warnings).toEqual([]);
  });

  test('a skewed split falls below the 0.001 alert threshold and warns', () => {
    const check = checkSampleRatio([5300, 4700], [0.5, 0.5]);
    expect(check.pValue).toBeLessThan(SRM_THRESHOLD);
    expect(check.warnings).toEqual(['srm']);
  });

  test('uneven weights are respected, across more than two arms', () => {
    expect(srmPValue([2000, 1000, 1000], [0.5, 0.25, 0.25])).toBeCloseTo(1, 10);
    expect(srmPValue([1000, 1000, 1000], [0.5, 0.25, 0.25])).toBeLessThan(SRM_THRESHOLD);
  });

  test('empty or malformed input reports no mismatch instead of throwing', () => {
    expect(srmPValue([0, 0], [0.5, 0.5])).toBe(1);
    expect(srmPValue([10], [1])).toBe(1);
    expect(srmPValue([10, 20], [0.5])).toBe(1);
    expect(srmPValue([10, Number.NaN], [0.5, 0.5])).toBe(1);
    expect(srmPValue([10, 20], [0, 0])).toBe(1);
  });
});
