import { describe, expect, test } from 'vitest';
import { toReportArmRows } from '../../admin-ui/src/pages/offer-results/report/arm-rows.js';
import {
  buildLiftChart,
  hasEstimate,
} from '../../admin-ui/src/pages/offer-results/report/daily-chart.js';
import { toLiftRows } from '../../admin-ui/src/pages/offer-results/report/lift-rows.js';
import { describeReportWarnings } from '../../admin-ui/src/pages/offer-results/report/report-warnings.js';
import { toVariantRows } from '../../admin-ui/src/pages/offer-results/report/variant-rows.js';
import {
  abnReport,
  comparison,
  holdoutArm,
  report,
  reportArm,
  reportDay,
  sample,
  variantReport,
} from './report-fixture.js';

/** Two orders: the figures the issue saw headlined ("−$27, CI −$5,375…+$5,321", ±2,500 %). */
const tiny = () => {
  const early = sample({
    reached: false,
    ordersNeeded: 29,
    furthest: { arm: 'holdout', label: 'Holdout', orders: 1 },
  });
  return report({
    sample: early,
    arms: [holdoutArm({ units: 3, orders: 1 }), reportArm({ units: 3, orders: 1 })],
    comparisons: {
      revenuePerUnit: comparison({ expected: -0.4, ci: [-25, 24.2], pValue: 0.98 }),
      conversionRate: comparison({ expected: 0, ci: [-3, 3], pValue: 1 }),
      averageOrderValue: comparison({ expected: -0.4, ci: [-20, 19], pValue: 0.97 }),
      incrementalRevenue: comparison({ expected: -2_700, ci: [-537_500, 532_100], pValue: 0.98 }),
    },
    verdict: {
      kind: 'not_enough_data',
      text: 'Not enough data yet: 29 more orders per arm needed before a result is shown (each arm needs 30; Holdout has 1).',
    },
    daily: [reportDay('2026-11-23', { ready: false, lift: -0.4, ci: [-25, 24.2] })],
  });
};

describe('a tiny sample has no headline', () => {
  test('no lift, interval or p-value in any row — how far there is to go instead', () => {
    const rows = toLiftRows(tiny());
    for (const row of rows) {
      expect(row).toMatchObject({
        lift: null,
        interval: null,
        evidence: '—',
        pending: '29 more orders per arm needed',
      });
    }
  });

  test('the warning says how many orders are missing', () => {
    const notice = describeReportWarnings(tiny()).find((n) => n.key === 'not_enough_data');
    expect(notice?.title).toBe('Not enough data yet: 29 more orders per arm needed');
    expect(notice?.body).toContain('at least 30 orders');
    expect(notice?.body).toContain('Holdout has 1');
  });

  test('no "unusually large difference" on a handful of orders', () => {
    const keys = describeReportWarnings(report({ ...tiny(), warnings: ['suspicious_lift'] })).map(
      (n) => n.key,
    );
    expect(keys).toEqual(['not_enough_data']);
    expect(
      describeReportWarnings(report({ warnings: ['suspicious_lift'] })).map((n) => n.key),
    ).toEqual(['suspicious_lift']);
  });

  test('no day before the minimum sample is drawn on the lift chart', () => {
    const [day] = tiny().daily;
    expect(day && hasEstimate(day)).toBe(false);
    expect(
      buildLiftChart(tiny().daily, {
        width: 200,
        height: 100,
        top: 0,
        right: 0,
        bottom: 0,
        left: 0,
      }).skippedDays,
    ).toBe(1);
  });

  test('an A/B/n variant below the minimum shows no figure either', () => {
    const waiting = variantReport({
      arm: 'treatment_c',
      label: 'Variant C',
      ready: false,
      sample: sample({ reached: false, ordersNeeded: 12 }),
    });
    const base = abnReport();
    const rows = toVariantRows(abnReport({ variants: [...base.variants.slice(0, 2), waiting] }));
    expect(rows[2]).toMatchObject({
      pending: '12 more orders per arm needed',
      incremental: null,
      revenuePerUnit: null,
      evidence: '—',
    });
    expect(rows[0]?.pending).toBeNull();
  });
});

describe('sample ratio check', () => {
  test('a split with p < 0.05 gets a line, below the alert', () => {
    const notices = describeReportWarnings(
      report({
        srm: { pValue: 0.011, flagged: false, level: 'notice', text: 'Traffic split check' },
      }),
    );
    expect(notices.map((n) => n.key)).toEqual(['srm_notice']);
    expect(notices[0]).toMatchObject({ tone: 'warning', title: 'Traffic split check (p = 0.011)' });
    expect(notices[0]?.body).toContain('Results are still shown');
  });

  test('below 0.001 it is the critical alert instead, never both', () => {
    const notices = describeReportWarnings(
      report({
        srm: { pValue: 0.0004, flagged: true, level: 'alert', text: 'Sample ratio mismatch' },
      }),
    );
    expect(notices.map((n) => n.key)).toEqual(['srm']);
    expect(notices[0]?.tone).toBe('critical');
  });

  test('lists every variant’s configured and observed share in an A/B/n test', () => {
    const notices = describeReportWarnings(
      abnReport({ srm: { pValue: 0.02, flagged: false, level: 'notice', text: 'x' } }),
    );
    expect(notices[0]?.body).toContain('Variant B 20% → 20%');
  });
});

describe('attach rate', () => {
  test('shows the share of the arm’s orders the server counted, and a dash without orders', () => {
    const [holdout, treatment] = toReportArmRows(
      [holdoutArm(), reportArm({ orders: 1, attachedOrders: 1, attachRate: 1 })],
      'USD',
    );
    expect(holdout?.attachRate).toBeNull();
    expect(treatment?.attachRate).toBe((1).toLocaleString(undefined, { style: 'percent' }));
    expect(toReportArmRows([reportArm({ orders: 0, attachRate: 0 })], 'USD')[0]?.attachRate).toBe(
      '—',
    );
  });
});
