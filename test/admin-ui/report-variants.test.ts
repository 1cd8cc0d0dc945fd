import { describe, expect, test } from 'vitest';
import { buildUnitsChart } from '../../admin-ui/src/pages/offer-results/report/daily-chart.js';
import { toLiftRows } from '../../admin-ui/src/pages/offer-results/report/lift-rows.js';
import { toVariantRows } from '../../admin-ui/src/pages/offer-results/report/variant-rows.js';
import {
  describeLeaderSummary,
  isMultiVariant,
  multipleComparisonsNote,
} from '../../admin-ui/src/pages/offer-results/report/variant-summary.js';
import { describeMethod } from '../../admin-ui/src/pages/offer-results/report/verdict.js';
import { abnReport, report, reportDay } from './report-fixture.js';

describe('A/B/n variant rows', () => {
  test('a row per variant against the holdout, each figure with its interval', () => {
    const rows = toVariantRows(abnReport());
    expect(rows.map((row) => row.label)).toEqual(['Variant A', 'Variant B', 'Variant C']);
    expect(rows[1]).toMatchObject({
      leader: true,
      pending: null,
      revenuePerUnit: { value: '+25.0%', interval: '+6.0% to +44.0%' },
      incremental: { value: '+$1,000', interval: '+$240 to +$1,760' },
      evidence: '0.012',
    });
    expect(rows.filter((row) => row.leader)).toHaveLength(1);
    // An adjusted p-value of 1 still never reads "1.000".
    expect(rows[2]?.evidence).toBe('> 0.99');
  });

  test('the revenue-per-unit bars share one axis across variants', () => {
    const rows = toVariantRows(abnReport());
    expect(rows[0]?.domain).toEqual(rows[2]?.domain);
    expect(rows[0]?.domain[0]).toBeLessThan(-0.2);
    expect(rows[0]?.domain[1]).toBeGreaterThan(0.44);
  });

  test('a variant’s metric detail compares that variant’s own arm with the holdout', () => {
    const base = abnReport();
    const report = abnReport({
      arms: base.arms.map((arm) =>
        arm.arm === 'treatment_b' ? { ...arm, units: 777, revenue: 77_700 } : arm,
      ),
    });
    const [incremental] = toLiftRows(report, report.variants[1]);
    expect(incremental?.treatment).toBe(
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(777),
    );
    expect(incremental?.lift).toBe('+$1,000');
  });
});

describe('leader and multiple comparisons', () => {
  test('names the leader and says it cannot yet be told apart', () => {
    expect(describeLeaderSummary(abnReport())).toEqual({
      tone: 'info',
      title: 'Variant B leads so far',
      body: 'Variant B leads on revenue per unit so far, but cannot yet be told apart from Variant A.',
    });
    const early = abnReport({
      leader: { arm: null, label: null, status: 'too_early', margins: [], text: 'Too early.' },
    });
    expect(describeLeaderSummary(early)).toMatchObject({
      tone: 'warning',
      title: 'No leading variant yet',
    });
    expect(describeLeaderSummary(report())).toBeNull();
  });

  test('explains the Bonferroni adjustment for several variants only', () => {
    expect(isMultiVariant(abnReport())).toBe(true);
    const note = multipleComparisonsNote(abnReport());
    expect(note).toContain('98.3% interval');
    expect(note).toContain('multiplied by 3');
    expect(multipleComparisonsNote(report())).toBeNull();
    expect(describeMethod(abnReport())).toMatch(
      /^Frequentist · 98\.3% sequential interval \(safe to peek\) · Bonferroni-adjusted for 3 variants · /,
    );
  });

  test('the units chart draws every variant', () => {
    const day = reportDay('2026-11-23', {
      variants: ['treatment', 'treatment_b', 'treatment_c'].map((arm, i) => ({
        arm,
        totals: { units: 100 * (i + 1), orders: 0, revenue: 0 },
        lift: 0,
        ci: [0, 0] as [number, number],
        ready: false,
      })),
    });
    const chart = buildUnitsChart([day], {
      width: 200,
      height: 100,
      top: 0,
      right: 0,
      bottom: 0,
      left: 0,
    });
    expect(chart.variants).toHaveLength(3);
    expect(chart.variants[2]?.markers[0]?.y).toBeLessThan(chart.variants[0]?.markers[0]?.y ?? 0);
  });
});
