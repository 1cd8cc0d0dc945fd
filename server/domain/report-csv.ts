import type { buildExperimentReport } from './experiment-report.js';
import { fromMinorUnits } from './money.js';

type Report = Awaited<ReturnType<typeof buildExperimentReport>>;

function cell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // Quote anything a spreadsheet could misread; neutralise formula prefixes.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as CSV: one row per arm, then the comparisons (money in major units). */
export function toReportCsv(report: Report): string {
  const money = (minor: number) => fromMinorUnits(minor, report.currency);
  const lines: (string | number | null)[][] = [
    ['experiment', 'offer', 'currency', 'engine', 'sequential'],
    [
      report.experimentKey,
      report.offerName,
      report.currency,
      report.engine,
      String(report.sequential),
    ],
    [],
    [
      'arm',
      'holdout',
      'units',
      'orders',
      'conversion_rate',
      'revenue',
      'revenue_per_unit',
      'average_order_value',
      'attach_rate',
      'attributed_revenue',
      'discounts',
      'refunds',
    ],
    ...report.arms.map((a) => [
      a.arm,
      String(a.holdout),
      a.units,
      a.orders,
      a.conversionRate,
      money(a.revenue),
      money(a.revenuePerUnit),
      money(a.averageOrderValue),
      a.attachRate,
      money(a.attributedRevenue),
      money(a.discounts),
      money(a.refunds),
    ]),
    [],
    ['metric', 'expected', 'ci_low', 'ci_high', 'p_value', 'chance_to_win', 'warnings'],
    ...Object.entries(report.comparisons).map(([name, comparison]) => {
      const scale = name === 'incrementalRevenue' ? money : (x: number) => x;
      return [
        name,
        scale(comparison.expected),
        scale(comparison.ci[0]),
        scale(comparison.ci[1]),
        comparison.pValue ?? null,
        comparison.chanceToWin ?? null,
        comparison.warnings.join(' '),
      ];
    }),
    [],
    ['srm_p_value', report.srm.pValue],
  ];
  return `${lines.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}
