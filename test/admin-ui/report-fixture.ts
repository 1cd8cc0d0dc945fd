import type {
  Comparison,
  ExperimentReport,
  ReportArm,
  ReportComparisons,
  ReportDay,
  SampleProgress,
  VariantReport,
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
    label: 'Variant A',
    holdout: false,
    weight: 0.5,
    units: 2004,
    orders: 606,
    conversionRate: 606 / 2004,
    revenue: 4_117_695,
    revenuePerUnit: 4_117_695 / 2004,
    averageOrderValue: 4_117_695 / 606,
    attachedOrders: 59,
    attachRate: 59 / 606,
    attributedRevenue: 98_800,
    discounts: 0,
    refunds: 155_722,
    ...overrides,
  };
}

export function holdoutArm(overrides: Partial<ReportArm> = {}): ReportArm {
  return reportArm({
    arm: 'holdout',
    label: 'Holdout',
    holdout: true,
    units: 1996,
    orders: 616,
    conversionRate: 616 / 1996,
    revenue: 3_371_979,
    revenuePerUnit: 3_371_979 / 1996,
    averageOrderValue: 3_371_979 / 616,
    attachedOrders: 0,
    attachRate: 0,
    attributedRevenue: 0,
    refunds: 157_887,
    ...overrides,
  });
}

export function reportDay(date: string, overrides: Partial<ReportDay> = {}): ReportDay {
  const day = {
    date,
    control: { units: 100, orders: 30, revenue: 180_000 },
    treatment: { units: 100, orders: 31, revenue: 210_000 },
    lift: 0.1,
    ci: [-0.05, 0.25] as [number, number],
    ready: true,
    ...overrides,
  };
  return {
    ...day,
    variants: overrides.variants ?? [
      { arm: 'treatment', totals: day.treatment, lift: day.lift, ci: day.ci, ready: day.ready },
    ],
  };
}

export function sample(overrides: Partial<SampleProgress> = {}): SampleProgress {
  return {
    minimumOrdersPerArm: 30,
    reached: true,
    ordersNeeded: 0,
    furthest: { arm: 'treatment', label: 'Variant A', orders: 606 },
    ...overrides,
  };
}

export function variantReport(overrides: Partial<VariantReport> = {}): VariantReport {
  return {
    arm: 'treatment',
    label: 'Variant A',
    comparisons: comparisons(),
    sample: sample(),
    ready: true,
    verdict: { kind: 'positive', text: '+$7,322 incremental revenue, 95% CI +$167 to +$14,477' },
    ...overrides,
  };
}

export function comparisons(overrides: Partial<ReportComparisons> = {}): ReportComparisons {
  return {
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
    ...overrides,
  };
}

/**
 * A single-variant report. Unless `variants` is given, its one variant carries the report's
 * `comparisons` and is ready exactly when `sample` is reached, as the server builds it.
 */
export function report(overrides: Partial<ExperimentReport> = {}): ExperimentReport {
  const base: ExperimentReport = {
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
    comparisons: comparisons(),
    variants: [],
    leader: null,
    multipleComparisons: {
      variants: 1,
      method: 'none',
      familyAlpha: 0.05,
      alphaPerComparison: 0.05,
      alphaPerPair: null,
      pValues: 'raw',
      note: 'One variant against the holdout: no adjustment for multiple comparisons is needed.',
    },
    sample: sample(),
    ready: true,
    srm: { pValue: 0.8993, flagged: false, level: 'none', text: null },
    warnings: [],
    dataQuality: { pixelConversions: 0, confirmedByWebhook: 0, pendingConfirmation: 0 },
    verdict: { kind: 'positive', text: '+$7,322 incremental revenue, 95% CI +$167 to +$14,477' },
    definitions: {
      revenue: 'Order subtotal after all discounts.',
      discounts: 'Already taken off revenue.',
      incrementalRevenue: 'Net of discounts and refunds.',
      attachRate: 'Share of the arm’s orders holding an offer line.',
      attributedRevenue: 'Not incremental.',
    },
    daily: [reportDay('2026-11-23')],
    ...overrides,
  };
  const variants = overrides.variants ?? [
    variantReport({
      comparisons: base.comparisons,
      sample: base.sample,
      ready: base.sample.reached,
      verdict: base.verdict,
    }),
  ];
  return { ...base, variants, ready: overrides.ready ?? variants.every((v) => v.ready) };
}

/**
 * A three-variant report (40 % holdout, 20 % each): Variant B leads but cannot be told apart
 * from Variant A; intervals at 0.05 / 3.
 */
export function abnReport(overrides: Partial<ExperimentReport> = {}): ExperimentReport {
  const lift = (expected: number, low: number, high: number, pValue: number) =>
    comparisons({
      revenuePerUnit: comparison({ expected, ci: [low, high], pValue }),
      incrementalRevenue: comparison({
        expected: expected * 400_000,
        ci: [low * 400_000, high * 400_000],
        stddev: 90_000,
        pValue,
      }),
    });
  return report({
    arms: [
      holdoutArm({ weight: 0.4, units: 1600 }),
      reportArm({ weight: 0.2, units: 800 }),
      reportArm({ arm: 'treatment_b', label: 'Variant B', weight: 0.2, units: 800 }),
      reportArm({ arm: 'treatment_c', label: 'Variant C', weight: 0.2, units: 800 }),
    ],
    variants: [
      variantReport({ comparisons: lift(0.12, -0.05, 0.29, 0.4) }),
      variantReport({
        arm: 'treatment_b',
        label: 'Variant B',
        comparisons: lift(0.25, 0.06, 0.44, 0.012),
      }),
      variantReport({
        arm: 'treatment_c',
        label: 'Variant C',
        comparisons: lift(-0.02, -0.2, 0.16, 1),
      }),
    ],
    leader: {
      arm: 'treatment_b',
      label: 'Variant B',
      status: 'ahead',
      margins: [
        {
          arm: 'treatment',
          label: 'Variant A',
          difference: comparison({ expected: 200, ci: [-50, 450] }),
          distinguishable: false,
        },
        {
          arm: 'treatment_c',
          label: 'Variant C',
          difference: comparison({ expected: 400, ci: [100, 700] }),
          distinguishable: true,
        },
      ],
      text: 'Variant B leads on revenue per unit so far, but cannot yet be told apart from Variant A.',
    },
    multipleComparisons: {
      variants: 3,
      method: 'bonferroni',
      familyAlpha: 0.05,
      alphaPerComparison: 0.05 / 3,
      alphaPerPair: 0.05 / 3,
      pValues: 'bonferroni_adjusted',
      note: 'Bonferroni.',
    },
    ...overrides,
  });
}
