import type { SampleProgress } from './report-types.js';

/**
 * The minimum sample before the report states a result: this many orders in every arm compared.
 * The intervals rest on the normal approximation of each arm's revenue per unit, and a unit's
 * revenue is zero unless it ordered, so what the approximation needs is orders, not checkouts;
 * 30 per arm is the usual floor for a mean to behave. Below it a report of 2 orders printed
 * "−$27, CI −$5,375 to +$5,321" and ±2,500 % lifts, which a merchant reads as a finding.
 * GrowthBook's own minimum (a metric total, `stats/warnings.ts`) still applies on top.
 */
export const MIN_ORDERS_PER_ARM = 30;

export interface SampleArm {
  arm: string;
  label: string;
  orders: number;
}

export function sampleProgress(
  arms: readonly SampleArm[],
  minimum: number = MIN_ORDERS_PER_ARM,
): SampleProgress {
  let furthest: SampleArm | null = null;
  for (const arm of arms) {
    if (!furthest || arm.orders < furthest.orders) furthest = arm;
  }
  const ordersNeeded = furthest ? Math.max(0, minimum - furthest.orders) : minimum;
  return {
    minimumOrdersPerArm: minimum,
    reached: furthest !== null && ordersNeeded === 0,
    ordersNeeded,
    furthest: furthest
      ? { arm: furthest.arm, label: furthest.label, orders: furthest.orders }
      : null,
  };
}

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * How far there is to go, in words: "12 more orders per arm needed before a result is shown
 * (each arm needs 30; Holdout has 18)."
 */
export function describeShortfall(sample: SampleProgress): string {
  const needed = plural(sample.ordersNeeded, 'more order', 'more orders');
  const where = sample.furthest
    ? `; ${sample.furthest.label} has ${sample.furthest.orders.toLocaleString('en-US')}`
    : '';
  return `${needed} per arm needed before a result is shown (each arm needs ${sample.minimumOrdersPerArm}${where})`;
}
