import type { ExperimentReport, VerdictKind } from '../../../api/types.js';
import type { BannerTone } from '../../../components/Banner.js';
import { formatCount } from '../../../lib/format.js';
import { formatConfidenceLevel } from './report-format.js';

const TONES: Record<VerdictKind, BannerTone> = {
  positive: 'success',
  negative: 'critical',
  inconclusive: 'info',
  not_enough_data: 'warning',
};

export function verdictTone(kind: VerdictKind): BannerTone {
  return TONES[kind];
}

/** What the verdict means for the merchant's next step, under the server's one-line headline. */
const NEXT_STEP: Record<VerdictKind, string> = {
  positive:
    'The offer is adding revenue: the whole interval is above zero. Keeping it on is supported by the data.',
  negative:
    'The offer is costing revenue: the whole interval is below zero. Consider pausing or changing it.',
  inconclusive:
    'The interval still includes zero, so the effect cannot be told apart from chance yet. Keep it running for a clearer answer.',
  not_enough_data: 'The figures below are early readings, not a result yet.',
};

/** A broken split outranks any reading of the numbers, so it replaces the usual advice. */
export function verdictNextStep(kind: VerdictKind, srmFlagged = false): string {
  if (srmFlagged) {
    return 'Do not act on this yet: the split between the groups is off (see below), so the figures are unreliable.';
  }
  return NEXT_STEP[kind];
}

/**
 * The method in a few words, e.g. "Frequentist · 95% sequential interval (safe to peek)". With
 * several variants the level is the Bonferroni-adjusted one each comparison is read at.
 */
export function describeMethod(report: ExperimentReport): string {
  const mc = report.multipleComparisons;
  const level = formatConfidenceLevel(mc.alphaPerComparison);
  const units = report.arms.reduce((sum, arm) => sum + arm.units, 0);
  const method =
    report.engine === 'bayesian'
      ? `Bayesian · ${level} credible interval`
      : report.sequential
        ? `Frequentist · ${level} sequential interval (safe to peek)`
        : `Frequentist · ${level} fixed-horizon interval (valid when read once, at the planned end)`;
  const adjusted =
    mc.method === 'bonferroni' ? ` · Bonferroni-adjusted for ${mc.variants} variants` : '';
  return `${method}${adjusted} · ${formatCount(units)} checkouts in the test`;
}
