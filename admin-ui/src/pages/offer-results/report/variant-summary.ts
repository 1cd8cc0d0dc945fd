import type { ExperimentReport, SampleProgress, VariantReport } from '../../../api/types.js';
import type { BannerTone } from '../../../components/Banner.js';
import { formatCount } from '../../../lib/format.js';
import { formatConfidenceLevel } from './report-format.js';

/** An offer with more than one content variant: the report compares each with the holdout. */
export function isMultiVariant(report: ExperimentReport): boolean {
  return report.variants.length > 1;
}

/** "12 more orders per arm needed": how far a comparison is from the minimum sample. */
export function formatShortfall(sample: SampleProgress): string {
  const orders = sample.ordersNeeded === 1 ? 'order' : 'orders';
  return `${formatCount(sample.ordersNeeded)} more ${orders} per arm needed`;
}

/**
 * What a variant shows instead of figures while it is not ready, or null once it is. Before the
 * minimum sample a lift or a dollar figure reads as a finding, so none is shown — only how far
 * there is to go.
 */
export function pendingText(variant: VariantReport): string | null {
  if (variant.ready) return null;
  if (!variant.sample.reached) return formatShortfall(variant.sample);
  return 'Not enough data yet';
}

/** Says how the intervals were widened for several variants, or null for one variant. */
export function multipleComparisonsNote(report: ExperimentReport): string | null {
  const mc = report.multipleComparisons;
  if (mc.method === 'none' || mc.variants <= 1) return null;
  const level = formatConfidenceLevel(mc.alphaPerComparison);
  const family = formatConfidenceLevel(mc.familyAlpha);
  return (
    `${mc.variants} variants are each compared with the holdout, so each interval is a ${level} ` +
    `interval (Bonferroni: the ${family} level shared over ${mc.variants} comparisons) and each ` +
    `p-value is multiplied by ${mc.variants}. That keeps the chance of a false call on any ` +
    `variant at ${Math.round(mc.familyAlpha * 100)}%.`
  );
}

export interface LeaderSummary {
  tone: BannerTone;
  title: string;
  body: string;
}

/** Which variant leads, as a short banner; null for a single-variant offer. */
export function describeLeaderSummary(report: ExperimentReport): LeaderSummary | null {
  const leader = report.leader;
  if (!leader) return null;
  switch (leader.status) {
    case 'clear':
      return { tone: 'success', title: `${leader.label} leads`, body: leader.text };
    case 'ahead':
      return { tone: 'info', title: `${leader.label} leads so far`, body: leader.text };
    case 'unreliable':
      return { tone: 'critical', title: 'No leading variant named', body: leader.text };
    default:
      return { tone: 'warning', title: 'No leading variant yet', body: leader.text };
  }
}
