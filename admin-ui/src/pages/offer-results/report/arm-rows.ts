import type { ReportArm } from '../../../api/types.js';
import { formatCount, formatPercent } from '../../../lib/format.js';
import { formatMoney } from '../../../lib/money.js';
import { orderArms } from '../results-rows.js';

/** One formatted row per arm; null cells mean "does not apply" (the holdout never saw the offer). */
export interface ReportArmRow {
  arm: string;
  label: string;
  /** A second line under the label, so the wide table keeps a narrow first column. */
  note: string;
  units: string;
  orders: string;
  conversionRate: string;
  revenue: string;
  revenuePerUnit: string;
  averageOrderValue: string;
  /** Share of the arm's orders holding an offer line (counted from orders, not add clicks). */
  attachRate: string | null;
  attributedRevenue: string | null;
  /** Already taken off revenue: shown as the cost, not to be subtracted again. */
  discounts: string;
  refunds: string;
}

export function toReportArmRows(arms: readonly ReportArm[], currency: string): ReportArmRow[] {
  const money = (minor: number) => formatMoney(minor, currency);
  return orderArms(arms).map((arm) => ({
    arm: arm.arm,
    label: arm.label,
    note: arm.holdout ? 'offer not shown' : 'saw the offer',
    units: formatCount(arm.units),
    orders: formatCount(arm.orders),
    conversionRate: arm.units === 0 ? '—' : formatPercent(arm.conversionRate),
    revenue: money(arm.revenue),
    revenuePerUnit: arm.units === 0 ? '—' : money(arm.revenuePerUnit),
    averageOrderValue: arm.orders === 0 ? '—' : money(arm.averageOrderValue),
    attachRate: arm.holdout ? null : arm.orders === 0 ? '—' : formatPercent(arm.attachRate),
    attributedRevenue: arm.holdout ? null : money(arm.attributedRevenue),
    discounts: money(arm.discounts),
    refunds: money(arm.refunds),
  }));
}
