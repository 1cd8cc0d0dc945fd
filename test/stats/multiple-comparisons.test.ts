import { describe, expect, test } from 'vitest';
import {
  bonferroniAlpha,
  bonferroniPValue,
  pairCount,
  SRM_NOTICE_THRESHOLD,
  SRM_THRESHOLD,
} from '../../server/stats';

describe('Bonferroni adjustment', () => {
  test('divides the family alpha over the comparisons', () => {
    expect(bonferroniAlpha(0.05, 1)).toBe(0.05);
    expect(bonferroniAlpha(0.05, 2)).toBe(0.025);
    expect(bonferroniAlpha(0.05, 3)).toBeCloseTo(0.0166667, 6);
  });

  test('multiplies a p-value by the comparisons, capped at 1', () => {
    expect(bonferroniPValue(0.01, 3)).toBeCloseTo(0.03, 12);
    expect(bonferroniPValue(0.5, 3)).toBe(1);
    expect(bonferroniPValue(0.01, 1)).toBe(0.01);
  });

  test('an adjusted p-value is below the family alpha exactly when the raw one is below alpha / k', () => {
    for (const p of [0.001, 0.016, 0.017, 0.03]) {
      expect(bonferroniPValue(p, 3) < 0.05).toBe(p < bonferroniAlpha(0.05, 3));
    }
  });

  test('treats an unusable count as a single comparison and an unusable p-value as 1', () => {
    expect(bonferroniAlpha(0.05, 0)).toBe(0.05);
    expect(bonferroniAlpha(0.05, Number.NaN)).toBe(0.05);
    expect(bonferroniPValue(Number.NaN, 3)).toBe(1);
  });

  test('counts the pairs among the variants', () => {
    expect([1, 2, 3].map(pairCount)).toEqual([0, 1, 3]);
  });
});

describe('SRM thresholds', () => {
  test('the report mentions a split well before GrowthBook alerts on it', () => {
    expect(SRM_NOTICE_THRESHOLD).toBe(0.05);
    expect(SRM_THRESHOLD).toBeLessThan(SRM_NOTICE_THRESHOLD);
  });
});
