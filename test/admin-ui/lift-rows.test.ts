import { describe, expect, test } from 'vitest';
import { toReportArmRows } from '../../admin-ui/src/pages/offer-results/report/arm-rows.js';
import {
  evidenceHeading,
  isInformative,
  toLiftRows,
} from '../../admin-ui/src/pages/offer-results/report/lift-rows.js';
import { comparison, holdoutArm, report, reportArm } from './report-fixture.js';

const usd = (major: number) =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(major);

describe('lift rows', () => {
  test('lead with incremental revenue, then the relative lifts', () => {
    expect(toLiftRows(report()).map((row) => row.metric)).toEqual([
      'incrementalRevenue',
      'revenuePerUnit',
      'conversionRate',
      'averageOrderValue',
    ]);
  });

  test('show a relative lift with its interval and p-value', () => {
    const rpu = toLiftRows(report())[1];
    expect(rpu).toMatchObject({
      label: 'Revenue per unit',
      lift: '+21.6%',
      interval: '-1.4% to +44.7%',
      evidence: '0.080',
      holdout: usd(16.89),
      treatment: usd(20.55),
    });
  });

  test('show incremental revenue in money, with cells that add up to it', () => {
    const [incremental] = toLiftRows(report());
    expect(incremental).toMatchObject({
      lift: '+$7,322',
      interval: '+$167 to +$14,477',
      treatment: usd(41_176.95),
    });
    // The holdout's revenue per unit applied to the treatment's 2,004 units.
    expect(incremental?.holdout).toBe(usd(((3_371_979 / 1996) * 2004) / 100));
  });

  test('show the chance to win for a Bayesian report', () => {
    const rows = toLiftRows(
      report({
        engine: 'bayesian',
        comparisons: {
          ...report().comparisons,
          revenuePerUnit: comparison({ pValue: undefined, chanceToWin: 0.99784 }),
        },
      }),
    );
    expect(rows[1]?.evidence).toBe('99.8%');
    expect(evidenceHeading('bayesian')).toBe('Chance to win');
    expect(evidenceHeading('frequentist')).toBe('p-value');
  });

  test('leave lift and interval empty when the data could not support a comparison', () => {
    const blank = comparison({
      expected: 0,
      ci: [0, 0],
      stddev: 0,
      pValue: 1,
      warnings: ['zero_variance'],
    });
    expect(isInformative(blank)).toBe(false);
    const rows = toLiftRows(
      report({ comparisons: { ...report().comparisons, conversionRate: blank } }),
    );
    expect(rows[2]).toMatchObject({ lift: null, interval: null, evidence: '—' });
  });

  test('share one axis between the relative rows, containing all their intervals', () => {
    const rows = toLiftRows(report());
    const [rpu, conversion, aov] = rows.slice(1);
    expect(rpu?.domain).toEqual(conversion?.domain);
    expect(rpu?.domain).toEqual(aov?.domain);
    expect(rpu?.domain[0]).toBeLessThan(-0.1622);
    expect(rpu?.domain[1]).toBeGreaterThan(0.4467);
    expect(rows[0]?.domain).not.toEqual(rpu?.domain);
  });
});

describe('report arm rows', () => {
  test('put the holdout first and attribute nothing to it', () => {
    const [holdout, treatment] = toReportArmRows([reportArm(), holdoutArm()], 'USD');
    expect(holdout).toMatchObject({ label: 'Holdout', attachRate: null, attributedRevenue: null });
    expect(treatment).toMatchObject({
      label: 'Variant A',
      units: (2004).toLocaleString(),
      revenue: usd(41_176.95),
      attributedRevenue: usd(988),
      refunds: usd(1557.22),
      discounts: usd(0),
    });
  });

  test('show a dash for rates of an arm without units or orders', () => {
    const [row] = toReportArmRows([reportArm({ units: 0, orders: 0 })], 'USD');
    expect(row).toMatchObject({ conversionRate: '—', revenuePerUnit: '—', averageOrderValue: '—' });
  });
});
