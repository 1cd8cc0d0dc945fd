import type { Comparison } from '../stats/index.js';
import { fromMinorUnits } from './money.js';
import type { ExperimentReport, ReportComparisons, VariantReport } from './report-types.js';

type Cell = string | number | boolean | null;

function cell(value: Cell): string {
  const text = value === null ? '' : String(value);
  // Quote anything a spreadsheet could misread; neutralise formula prefixes.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const METRICS: readonly [keyof ReportComparisons, string][] = [
  ['revenuePerUnit', 'rpu_lift'],
  ['conversionRate', 'conversion_lift'],
  ['averageOrderValue', 'aov_lift'],
  ['incrementalRevenue', 'incremental_revenue'],
];

const ARM_COLUMNS = [
  'arm',
  'label',
  'holdout',
  'weight',
  'units',
  'orders',
  'conversion_rate',
  'revenue_net',
  'revenue_per_unit',
  'average_order_value',
  'attached_orders',
  'attach_rate',
  'attributed_revenue',
  'discounts',
  'refunds',
];

const COMPARISON_COLUMNS = [
  'minimum_sample_reached',
  'orders_needed_per_arm',
  ...METRICS.flatMap(([, name]) => [
    name,
    `${name}_ci_low`,
    `${name}_ci_high`,
    `${name}_p_value`,
    `${name}_chance_to_win`,
  ]),
  'verdict',
  'leader',
];

const EXPERIMENT_COLUMNS = [
  'experiment',
  'offer',
  'currency',
  'engine',
  'sequential',
  'family_alpha',
  'multiple_comparisons',
  'alpha_per_comparison',
  'srm_p_value',
];

/**
 * The report as one CSV table, a row per arm (money in major units, rates as fractions). A
 * variant's row carries its comparison with the holdout; the holdout's comparison cells are empty.
 * Every row repeats the experiment's settings so the table stands alone in a spreadsheet.
 * Comparisons are written even before the minimum sample, flagged by `minimum_sample_reached`.
 */
export function toReportCsv(report: ExperimentReport): string {
  const money = (minor: number) => fromMinorUnits(minor, report.currency);
  const comparisonCells = (variant: VariantReport | undefined): Cell[] => {
    if (!variant) return COMPARISON_COLUMNS.map(() => null);
    return [
      variant.sample.reached,
      variant.sample.ordersNeeded,
      ...METRICS.flatMap(([metric]) => {
        const c: Comparison = variant.comparisons[metric];
        const scale = metric === 'incrementalRevenue' ? money : (x: number) => x;
        return [
          scale(c.expected),
          scale(c.ci[0]),
          scale(c.ci[1]),
          c.pValue ?? null,
          c.chanceToWin ?? null,
        ];
      }),
      variant.verdict.text,
      report.leader ? report.leader.arm === variant.arm : null,
    ];
  };
  const experimentCells: Cell[] = [
    report.experimentKey,
    report.offerName,
    report.currency,
    report.engine,
    report.sequential,
    report.multipleComparisons.familyAlpha,
    report.multipleComparisons.method,
    report.multipleComparisons.alphaPerComparison,
    report.srm.pValue,
  ];
  const rows: Cell[][] = [
    [...ARM_COLUMNS, ...COMPARISON_COLUMNS, ...EXPERIMENT_COLUMNS],
    ...report.arms.map((a) => [
      a.arm,
      a.label,
      a.holdout,
      a.weight,
      a.units,
      a.orders,
      a.conversionRate,
      money(a.revenue),
      money(a.revenuePerUnit),
      money(a.averageOrderValue),
      a.attachedOrders,
      a.attachRate,
      money(a.attributedRevenue),
      money(a.discounts),
      money(a.refunds),
      ...comparisonCells(report.variants.find((v) => v.arm === a.arm)),
      ...experimentCells,
    ]),
  ];
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
