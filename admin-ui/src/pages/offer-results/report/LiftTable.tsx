import type { ExperimentReport } from '../../../api/types.js';
import { type Column, DataTable } from '../../../components/DataTable.js';
import { IntervalBar } from './IntervalBar.js';
import { evidenceHeading, type LiftRow, toLiftRows } from './lift-rows.js';
import { formatConfidenceLevel } from './report-format.js';

function LiftCell({ row, level }: { row: LiftRow; level: string }) {
  if (row.lift === null) return <span class="text-secondary">Not enough data</span>;
  return (
    <span class="LiftCell">
      <span class="text-strong">{row.lift}</span>
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

/** One row per metric: both arms, the lift with its interval in words, and drawn. */
export function LiftTable({ report }: { report: ExperimentReport }) {
  const level = formatConfidenceLevel(report.alpha);
  const columns: readonly Column[] = [
    { label: 'Metric' },
    { label: 'Holdout', align: 'numeric' },
    { label: 'Treatment', align: 'numeric' },
    { label: `Lift (${level} interval)`, align: 'numeric' },
    { label: evidenceHeading(report.engine), align: 'numeric' },
    { label: 'Interval (zero marked)' },
  ];
  const rows = toLiftRows(report).map((row) => ({
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
  return <DataTable caption="Lift over the holdout, per metric" columns={columns} rows={rows} />;
}
