import { describe, expect, test } from 'vitest';
import { describeReportWarnings } from '../../admin-ui/src/pages/offer-results/report/report-warnings.js';
import { holdoutArm, report, reportArm } from './report-fixture.js';

describe('report warnings', () => {
  test('says nothing when nothing is wrong', () => {
    expect(describeReportWarnings(report())).toEqual([]);
  });

  test('explains a sample ratio mismatch with its p-value and the observed split', () => {
    const [notice] = describeReportWarnings(
      report({
        srm: { pValue: 1.79e-6, flagged: true, level: 'alert', text: 'Sample ratio mismatch' },
        warnings: ['srm'],
        arms: [holdoutArm({ units: 1266 }), reportArm({ units: 1518 })],
      }),
    );
    expect(notice).toMatchObject({ key: 'srm', tone: 'critical' });
    expect(notice?.title).toBe('Sample ratio mismatch (p < 0.001)');
    expect(notice?.body).toContain(
      'The split is not what was configured; results are unreliable until the cause is fixed.',
    );
    expect(notice?.body).toContain('1,266 of 2,784');
  });

  test('shows one SRM notice whether the flag or the warning list reports it', () => {
    const notices = describeReportWarnings(
      report({
        srm: { pValue: 0.0002, flagged: true, level: 'alert', text: 'Sample ratio mismatch' },
        warnings: [],
      }),
    );
    expect(notices.map((n) => n.key)).toEqual(['srm']);
  });

  test('lists statistics warnings, most severe first', () => {
    const notices = describeReportWarnings(
      report({ warnings: ['suspicious_lift', 'zero_variance', 'not_enough_data', 'srm'] }),
    );
    expect(notices.map((n) => n.key)).toEqual([
      'srm',
      'not_enough_data',
      'zero_variance',
      'suspicious_lift',
    ]);
    expect(notices.find((n) => n.key === 'not_enough_data')?.tone).toBe('warning');
  });

  test('counts pixel conversions still waiting for the order webhook', () => {
    const notices = describeReportWarnings(
      report({
        dataQuality: { pixelConversions: 9, confirmedByWebhook: 2, pendingConfirmation: 7 },
      }),
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ key: 'pending_confirmation', tone: 'info' });
    expect(notices[0]?.title).toBe('7 orders are waiting for confirmation');
    expect(notices[0]?.body).toContain('Revenue counts confirmed orders only');
  });

  test('uses the singular for one pending order', () => {
    const notices = describeReportWarnings(
      report({
        dataQuality: { pixelConversions: 1, confirmedByWebhook: 0, pendingConfirmation: 1 },
      }),
    );
    expect(notices[0]?.title).toBe('1 order is waiting for confirmation');
  });
});
