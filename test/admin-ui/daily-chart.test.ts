import { describe, expect, test } from 'vitest';
import {
  bandPath,
  type ChartBox,
  dayDomain,
  dayNumber,
  linePath,
  niceTicks,
  pickDateTicks,
} from '../../admin-ui/src/pages/offer-results/report/chart-geometry.js';
import {
  buildLiftChart,
  buildUnitsChart,
  hasEstimate,
  MAX_MARKERS,
} from '../../admin-ui/src/pages/offer-results/report/daily-chart.js';
import { reportDay } from './report-fixture.js';

const BOX: ChartBox = { width: 200, height: 100, top: 0, right: 0, bottom: 0, left: 0 };

describe('chart geometry', () => {
  test('counts whole UTC days, so gaps between dates keep their width', () => {
    expect(dayNumber('2026-11-24') - dayNumber('2026-11-23')).toBe(1);
    expect(dayNumber('2026-12-01') - dayNumber('2026-11-23')).toBe(8);
  });

  test('centres a single day instead of dividing by a zero-width range', () => {
    const day = dayNumber('2026-11-23');
    expect(dayDomain(['2026-11-23'])).toEqual([day - 1, day + 1]);
  });

  test('labels axes with round steps a person would pick', () => {
    expect(niceTicks([0, 2037])).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks([-1.08, 0.25], 5)).toEqual([-1, -0.8, -0.6, -0.4, -0.2, 0, 0.2]);
    expect(niceTicks([-0.1, 0.1], 5)).toEqual([-0.1, -0.05, 0, 0.05, 0.1]);
    expect(niceTicks([3, 3])).toEqual([3]);
  });

  test('picks evenly spread date labels including both ends', () => {
    const dates = Array.from({ length: 21 }, (_, i) => `2026-11-${String(i + 3).padStart(2, '0')}`);
    const picked = pickDateTicks(dates, 5);
    expect(picked).toHaveLength(5);
    expect(picked[0]).toBe('2026-11-03');
    expect(picked.at(-1)).toBe('2026-11-23');
    expect(pickDateTicks(dates.slice(0, 3), 5)).toEqual(dates.slice(0, 3));
  });

  test('writes SVG paths for a line and a closed band', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5.55, y: 2 },
      ]),
    ).toBe('M0,10L5.6,2');
    expect(
      bandPath(
        [
          { x: 0, y: 1 },
          { x: 10, y: 2 },
        ],
        [
          { x: 0, y: 5 },
          { x: 10, y: 6 },
        ],
      ),
    ).toBe('M0,1L10,2L10,6L0,5Z');
    expect(bandPath([], [])).toBe('');
  });
});

describe('daily lift chart', () => {
  const daily = [
    reportDay('2026-11-21', { lift: 0, ci: [0, 0] }),
    reportDay('2026-11-22', { lift: 0.1, ci: [-0.3, 0.5] }),
    reportDay('2026-11-23', { lift: 0.2, ci: [0.05, 0.35] }),
  ];

  test('leaves out days the server could not compare yet (a zero-width interval)', () => {
    expect(daily.map(hasEstimate)).toEqual([false, true, true]);
    const chart = buildLiftChart(daily, BOX);
    expect(chart.skippedDays).toBe(1);
    expect(chart.markers).toHaveLength(2);
  });

  test('keeps the x axis over every day, so the late start is visible', () => {
    const chart = buildLiftChart(daily, BOX);
    expect(chart.markers[0]?.x).toBe(100);
    expect(chart.markers[1]?.x).toBe(200);
    expect(chart.xTicks[0]?.at).toBe(0);
    expect(chart.xTicks.at(-1)?.at).toBe(200);
  });

  test('puts the zero line between the lowest and highest interval end', () => {
    const chart = buildLiftChart(daily, BOX);
    const top = Math.min(...chart.markers.map((p) => p.y));
    expect(chart.zeroY).toBeGreaterThan(top);
    expect(chart.zeroY).toBeLessThan(100);
    expect(chart.yTicks.some((tick) => tick.label === '0%')).toBe(true);
  });

  test('gives a lone day a band with width', () => {
    const chart = buildLiftChart([reportDay('2026-11-23')], BOX);
    const xs = [...chart.band.matchAll(/[ML]([\d.]+),/g)].map((m) => Number(m[1]));
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(0);
    expect(chart.markers).toHaveLength(1);
  });

  test('drops per-day markers on long series', () => {
    const long = Array.from({ length: MAX_MARKERS + 1 }, (_, i) =>
      reportDay(`2026-10-${String(i + 1).padStart(2, '0')}`),
    );
    expect(buildLiftChart(long, BOX).markers).toEqual([]);
    expect(buildLiftChart(long, BOX).line).not.toBe('');
  });
});

describe('daily units chart', () => {
  test('starts at zero and rounds the top up to a labelled tick', () => {
    const chart = buildUnitsChart(
      [
        reportDay('2026-11-22', {
          control: { units: 900, orders: 0, revenue: 0 },
          treatment: { units: 1000, orders: 0, revenue: 0 },
        }),
        reportDay('2026-11-23', {
          control: { units: 2037, orders: 0, revenue: 0 },
          treatment: { units: 1963, orders: 0, revenue: 0 },
        }),
      ],
      BOX,
    );
    expect(chart.yTicks.map((tick) => tick.label)).toEqual([
      '0',
      '500',
      '1,000',
      '1,500',
      '2,000',
      '2,500',
    ]);
    expect(chart.yTicks[0]?.at).toBe(100);
    expect(chart.holdout.markers.map((p) => p.y)).toEqual([
      100 - (900 / 2500) * 100,
      100 - (2037 / 2500) * 100,
    ]);
    expect(chart.treatment.path.startsWith('M0,')).toBe(true);
  });
});
