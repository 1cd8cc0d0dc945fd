import type { ExperimentReport, VariantReport } from '../../../api/types.js';
import { type Column, DataTable } from '../../../components/DataTable.js';
import { IntervalBar } from './IntervalBar.js';
import { intervalTone } from './interval-scale.js';
import { evidenceHeading, type LiftRow, toLiftRows } from './lift-rows.js';
import { formatConfidenceLevel } from './report-format.js';

function LiftCell({ row, level }: { row: LiftRow; level: string }) {
  if (row.pending !== null) return <span class="LiftCell-pending">{row.pending}</span>;
  if (row.lift === null) return <span class="text-secondary">Not enough data</span>;
  // Coloured as its interval bar: red only when the whole interval is below zero (a loss).
  const tone = intervalTone(row.comparison.ci);
  return (
    <span class="LiftCell">
      <span class={`text-strong LiftCell-value LiftCell-value--${tone}`} data-tone={tone}>
        {row.lift}
      </span>
      <span class="LiftCell-interval">
        <span class="visually-hidden">{level} interval </span>
        {row.interval}
      </span>
    </span>
  );
}

function MetricCell({ row }: { row: LiftRow }) {
  return (
    <span class="LiftCell">
      <span>{row.label}</span>
      {row.hint && <span class="LiftCell-hint">{row.hint}</span>}
    </span>
  );
}

interface LiftTableProps {
  report: ExperimentReport;
  /** The variant compared with the holdout; the first when not given. */
  variant?: VariantReport;
}

/**
 * One row per metric: both arms, the lift with its interval in words, and drawn. Before the
 * minimum sample the lift cells say how far there is to go and nothing is drawn.
 */
export function LiftTable({ report, variant = report.variants[0] }: LiftTableProps) {
  const level = formatConfidenceLevel(report.multipleComparisons.alphaPerComparison);
  const label = variant?.label ?? 'Variant';
  const columns: readonly Column[] = [
    { label: 'Metric' },
    { label: 'Holdout', align: 'numeric' },
    { label, align: 'numeric' },
    { label: `Lift (${level} interval)`, align: 'numeric' },
    { label: evidenceHeading(report.engine), align: 'numeric' },
    { label: 'Interval (zero marked)' },
  ];
  const rows = toLiftRows(report, variant).map((row) => ({
    key: row.metric,
    testId: `report-interval-${row.metric}`,
    cells: [
      <MetricCell key="metric" row={row} />,
      row.holdout,
      row.treatment,
      <LiftCell key="lift" row={row} level={level} />,
      row.evidence,
      row.lift === null ? (
        <span key="none" class="text-secondary">
          —
        </span>
      ) : (
        <IntervalBar
          key="bar"
          comparison={row.comparison}
          domain={row.domain}
          label={`${row.lift}, ${level} interval ${row.interval}`}
        />
      ),
    ],
  }));
  return (
    <DataTable
      caption={`${label}: lift over the holdout, per metric`}
      columns={columns}
      rows={rows}
      data-testid={`report-lift-${variant?.arm ?? 'treatment'}`}
    />
  );
}
