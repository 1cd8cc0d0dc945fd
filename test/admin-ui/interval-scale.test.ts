import { describe, expect, test } from 'vitest';
import {
  intervalDomain,
  intervalGeometry,
  intervalTone,
  RELATIVE_LIMITS,
  scaleLinear,
} from '../../admin-ui/src/pages/offer-results/report/interval-scale.js';

describe('interval axis', () => {
  test('always includes zero, padded so edge values stay visible', () => {
    const [low, high] = intervalDomain([0.09, 0.39]);
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0.39);
    expect(low).toBeCloseTo(-0.39 * 0.08, 10);
  });

  test('cuts a huge early interval to the limits so other rows stay readable', () => {
    const [low, high] = intervalDomain([-4, 9], RELATIVE_LIMITS);
    expect(low).toBeCloseTo(-1 - 3 * 0.08, 10);
    expect(high).toBeCloseTo(2 + 3 * 0.08, 10);
  });

  test('is never empty, even with nothing but zeros', () => {
    expect(intervalDomain([0, 0])).toEqual([-1, 1]);
    expect(intervalDomain([], RELATIVE_LIMITS)).toEqual([-0.1, 0.1]);
  });

  test('ignores values that are not finite', () => {
    expect(intervalDomain([Number.NaN, 1])[1]).toBeCloseTo(1.08, 10);
  });

  test('maps a domain linearly onto pixels', () => {
    const x = scaleLinear([-1, 1], [0, 200]);
    expect(x(-1)).toBe(0);
    expect(x(0)).toBe(100);
    expect(x(0.5)).toBe(150);
    expect(scaleLinear([2, 2], [0, 200])(7)).toBe(100);
  });
});

describe('interval geometry', () => {
  test('places zero, both ends and the estimate', () => {
    const g = intervalGeometry(0.2, [-0.1, 0.5], [-0.5, 0.5], [0, 100]);
    expect(g).toMatchObject({
      zeroX: 50,
      lowX: 40,
      highX: 100,
      pointX: 70,
      clippedLow: false,
      clippedHigh: false,
      tone: 'neutral',
    });
  });

  test('clips ends past the axis and says so', () => {
    const g = intervalGeometry(3, [1.5, 5], [-1, 2], [0, 300]);
    expect(g.highX).toBe(300);
    expect(g.pointX).toBe(300);
    expect(g.clippedHigh).toBe(true);
    expect(g.clippedLow).toBe(false);
  });

  test('colours an interval by which side of zero it lies on', () => {
    expect(intervalTone([0.01, 0.3])).toBe('positive');
    expect(intervalTone([-0.3, -0.01])).toBe('negative');
    expect(intervalTone([-0.01, 0.3])).toBe('neutral');
    expect(intervalTone([0, 0.3])).toBe('neutral');
  });
});
