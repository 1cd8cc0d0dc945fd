import type {
  Comparison,
  ExperimentReport,
  ReportArm,
  ReportDay,
} from '../../admin-ui/src/api/types.js';

/** Figures from a real demo-server run (4,000 units, +20 % simulated lift, 50 % holdout). */
export function comparison(overrides: Partial<Comparison> = {}): Comparison {
  return {
    expected: 0.2162759897995756,
    ci: [-0.014138645991198823, 0.44669062559035],
    stddev: 0.07578497171131923,
    pValue: 0.08040081867429234,
    warnings: [],
    ...overrides,
  };
}

export function reportArm(overrides: Partial<ReportArm> = {}): ReportArm {
  return {
    arm: 'treatment',
    holdout: false,
    weight: 0.5,
    units: 2004,
    orders: 606,
    conversionRate: 606 / 2004,
    revenue: 4_117_695,
    revenuePerUnit: 4_117_695 / 2004,
    averageOrderValue: 4_117_695 / 606,
    attachRate: 0.0978,
    attributedRevenue: 98_800,
    discounts: 0,
    refunds: 155_722,
    ...overrides,
  };
}

export function holdoutArm(overrides: Partial<ReportArm> = {}): ReportArm {
  return reportArm({
    arm: 'holdout',
    holdout: true,
    units: 1996,
    orders: 616,
    conversionRate: 616 / 1996,
    revenue: 3_371_979,
    revenuePerUnit: 3_371_979 / 1996,
    averageOrderValue: 3_371_979 / 616,
    attachRate: 0,
    attributedRevenue: 0,
    refunds: 157_887,
    ...overrides,
  });
}

export function reportDay(date: string, overrides: Partial<ReportDay> = {}): ReportDay {
  return {
    date,
    control: { units: 100, orders: 30, revenue: 180_000 },
    treatment: { units: 100, orders: 31, revenue: 210_000 },
    lift: 0.1,
    ci: [-0.05, 0.25],
    ...overrides,
  };
}

export function report(overrides: Partial<ExperimentReport> = {}): ExperimentReport {
  return {
    experimentKey: 'exp_6353e3c05c53',
    offerId: 'off_bfff83a34ec4',
    offerName: 'Simulated cross-sell',
    currency: 'USD',
    startedAt: 1_795_433_168_521,
    stoppedAt: null,
    engine: 'frequentist',
    sequential: true,
    alpha: 0.05,
    arms: [holdoutArm(), reportArm()],
    comparisons: {
      revenuePerUnit: comparison(),
      conversionRate: comparison({
        expected: -0.0202,
        ci: [-0.1622, 0.1219],
        stddev: 0.0467,
        pValue: 1,
      }),
      averageOrderValue: comparison({
        expected: 0.2413,
        ci: [0.09, 0.3926],
        stddev: 0.0498,
        pValue: 0.000105,
      }),
      incrementalRevenue: comparison({
        expected: 732_201.05,
        ci: [16_738.14, 1_447_663.96],
        stddev: 235_320.71,
        pValue: 0.0414,
      }),
    },
    srm: { pValue: 0.8993, flagged: false },
    warnings: [],
    dataQuality: { pixelConversions: 0, confirmedByWebhook: 0, pendingConfirmation: 0 },
    verdict: { kind: 'positive', text: '+$7,322 incremental revenue, 95% CI +$167 to +$14,477' },
    daily: [reportDay('2026-11-23')],
    ...overrides,
  };
}
