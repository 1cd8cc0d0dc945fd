import type { ArmResult } from '../../api/types.js';
import { type Column, DataTable } from '../../components/DataTable.js';
import { toResultsRows } from './results-rows.js';

const COLUMNS: readonly Column[] = [
  { label: 'Arm' },
  { label: 'Units', align: 'numeric' },
  { label: 'Orders', align: 'numeric' },
  { label: 'Conversion rate', align: 'numeric' },
  { label: 'Revenue', align: 'numeric' },
  { label: 'Revenue per unit', align: 'numeric' },
  { label: 'Attributed revenue', align: 'numeric' },
];

export function ResultsTable({ arms, currency }: { arms: readonly ArmResult[]; currency: string }) {
  const rows = toResultsRows(arms, currency).map((row) => ({
    key: row.arm,
    testId: 'results-row',
    cells: [
      row.label,
      row.units,
      row.orders,
      row.conversionRate,
      row.revenue,
      row.revenuePerUnit,
      row.attributedRevenue ?? (
        <span key="na" title="Nothing is shown to the holdout, so nothing is attributed">
          —<span class="visually-hidden">not applicable</span>
        </span>
      ),
    ],
  }));
  return (
    <DataTable
      caption="Results per arm"
      columns={COLUMNS}
      rows={rows}
      data-testid="results-table"
    />
  );
}
