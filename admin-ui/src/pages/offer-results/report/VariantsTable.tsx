import type { ExperimentReport } from '../../../api/types.js';
import { type Column, DataTable } from '../../../components/DataTable.js';
import { IntervalBar } from './IntervalBar.js';
import { evidenceHeading } from './lift-rows.js';
import { formatConfidenceLevel } from './report-format.js';
import { type Reading, toVariantRows, type VariantRow } from './variant-rows.js';

function ReadingCell({ reading, level }: { reading: Reading | null; level: string }) {
  if (!reading) return <span class="text-secondary">—</span>;
  return (
    <span class="LiftCell">
      <span class="text-strong">{reading.value}</span>
      <span class="LiftCell-interval">
        <span class="visually-hidden">{level} interval </span>
        {reading.interval}
      </span>
    </span>
  );
}

function VariantCell({ row }: { row: VariantRow }) {
  return (
    <span class="LiftCell">
      <span>
        {row.label} vs holdout
        {row.leader && <span class="LeaderBadge">Leading</span>}
      </span>
    </span>
  );
}

/**
 * A/B/n: a row per content variant against the holdout, every figure with its Bonferroni-adjusted
 * interval. A variant below the minimum sample shows how far it has to go instead of figures.
 */
export function VariantsTable({ report }: { report: ExperimentReport }) {
  const level = formatConfidenceLevel(report.multipleComparisons.alphaPerComparison);
  const columns: readonly Column[] = [
    { label: 'Variant' },
    { label: `Incremental revenue (${level} interval)`, align: 'numeric' },
    { label: 'Revenue per unit lift', align: 'numeric' },
    { label: 'Conversion lift', align: 'numeric' },
    { label: 'AOV lift', align: 'numeric' },
    {
      label: report.engine === 'bayesian' ? evidenceHeading('bayesian') : 'p-value (adjusted)',
      align: 'numeric',
    },
    { label: 'Revenue per unit lift (zero marked)' },
  ];
  const rows = toVariantRows(report).map((row) => ({
    key: row.arm,
    testId: 'report-variant-row',
    cells: row.pending
      ? [
          <VariantCell key="variant" row={row} />,
          <span key="pending" class="LiftCell-pending">
            {row.pending}
          </span>,
          '—',
          '—',
          '—',
          '—',
          <span key="none" class="text-secondary">
            —
          </span>,
        ]
      : [
          <VariantCell key="variant" row={row} />,
          <ReadingCell key="inc" reading={row.incremental} level={level} />,
          <ReadingCell key="rpu" reading={row.revenuePerUnit} level={level} />,
          <ReadingCell key="conv" reading={row.conversionRate} level={level} />,
          <ReadingCell key="aov" reading={row.averageOrderValue} level={level} />,
          row.evidence,
          row.revenuePerUnit ? (
            <IntervalBar
              key="bar"
              comparison={row.comparison}
              domain={row.domain}
              label={`${row.label}: ${row.revenuePerUnit.value}, ${level} interval ${row.revenuePerUnit.interval}`}
            />
          ) : (
            <span key="none" class="text-secondary">
              —
            </span>
          ),
        ],
  }));
  return (
    <DataTable
      caption="Each variant against the holdout"
      columns={columns}
      rows={rows}
      data-testid="report-variants-table"
    />
  );
}
