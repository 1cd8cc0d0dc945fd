import type { ExperimentReport } from '../../../api/types.js';
import { type Column, DataTable } from '../../../components/DataTable.js';
import { toReportArmRows } from './arm-rows.js';

const COLUMNS: readonly Column[] = [
  { label: 'Arm' },
  { label: 'Units', align: 'numeric' },
  { label: 'Orders', align: 'numeric' },
  { label: 'Conversion', align: 'numeric' },
  { label: 'Revenue (after discounts, net of refunds)', align: 'numeric' },
  { label: 'Revenue per unit', align: 'numeric' },
  { label: 'AOV', align: 'numeric' },
  { label: 'Attach rate (of orders)', align: 'numeric' },
  { label: 'Attributed revenue', align: 'numeric' },
  { label: 'Discounts (already off revenue)', align: 'numeric' },
  { label: 'Refunds', align: 'numeric' },
];

function NotApplicable() {
  return (
    <span title="The holdout never saw the offer, so nothing is attributed to it">
      —<span class="visually-hidden">not applicable</span>
    </span>
  );
}

export function ReportArmsTable({ report }: { report: ExperimentReport }) {
  const rows = toReportArmRows(report.arms, report.currency).map((row) => ({
    key: row.arm,
    testId: 'report-arm-row',
    cells: [
      <span key="label" class="LiftCell">
        <span>{row.label}</span>
        <span class="LiftCell-hint ArmNote">{row.note}</span>
      </span>,
      row.units,
      row.orders,
      row.conversionRate,
      row.revenue,
      row.revenuePerUnit,
      row.averageOrderValue,
      row.attachRate ?? <NotApplicable key="na" />,
      row.attributedRevenue ?? <NotApplicable key="na" />,
      row.discounts,
      row.refunds,
    ],
  }));
  const { definitions } = report;
  return (
    <div class="ReportArms">
      <DataTable
        caption="Per-arm totals"
        columns={COLUMNS}
        rows={rows}
        data-testid="report-arms-table"
      />
      <dl class="ReportDefinitions" data-testid="report-definitions">
        <dt>Revenue</dt>
        <dd>{definitions.revenue}</dd>
        <dt>Discounts</dt>
        <dd>{definitions.discounts}</dd>
        <dt>Incremental revenue</dt>
        <dd>{definitions.incrementalRevenue}</dd>
        <dt>Attach rate</dt>
        <dd>{definitions.attachRate}</dd>
        <dt>Attributed revenue</dt>
        <dd>{definitions.attributedRevenue}</dd>
      </dl>
    </div>
  );
}
