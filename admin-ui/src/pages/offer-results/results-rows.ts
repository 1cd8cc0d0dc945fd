import { armLabel as variantLabel } from '../../../../core/offers/catalog.js';
import type { ArmResult } from '../../api/types.js';
import { formatCount, formatPercent } from '../../lib/format.js';
import { formatMoney } from '../../lib/money.js';

export interface ResultsRow {
  arm: string;
  label: string;
  units: string;
  orders: string;
  conversionRate: string;
  revenue: string;
  /** The arms differ in size (the holdout is small), so per-unit revenue is what compares. */
  revenuePerUnit: string;
  /** Null for the holdout: nothing was shown there, so nothing can be attributed. */
  attributedRevenue: string | null;
}

/** The baseline reads first, the way the uplift report compares against it. */
export function orderArms<T extends { holdout: boolean }>(arms: readonly T[]): T[] {
  return [...arms].sort((a, b) => Number(b.holdout) - Number(a.holdout));
}

/** "Holdout (baseline)", "Variant A (saw the offer)": the editor's names for the arms. */
export function armLabel(arm: { arm: string; holdout: boolean }): string {
  if (arm.holdout) return 'Holdout (baseline)';
  return `${variantLabel(arm.arm)} (saw the offer)`;
}

export function toResultsRows(arms: readonly ArmResult[], currency: string): ResultsRow[] {
  return orderArms(arms).map((arm) => ({
    arm: arm.arm,
    label: armLabel(arm),
    units: formatCount(arm.units),
    orders: formatCount(arm.orders),
    conversionRate: arm.units === 0 ? '—' : formatPercent(arm.conversionRate),
    revenue: formatMoney(arm.revenue, currency),
    revenuePerUnit: arm.units === 0 ? '—' : formatMoney(arm.revenue / arm.units, currency),
    attributedRevenue: arm.holdout ? null : formatMoney(arm.attributedRevenue, currency),
  }));
}

export function hasExposures(arms: readonly ArmResult[]): boolean {
  return arms.some((arm) => arm.units > 0);
}
