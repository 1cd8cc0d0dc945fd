/**
 * Multiple comparisons. An A/B/n test compares each of k variants with one holdout; at a
 * per-comparison alpha the chance that at least one of them crosses zero by luck grows to about
 * 1 − (1 − alpha)^k. Bonferroni runs each comparison at alpha / k, which keeps that chance at or
 * below alpha whatever the correlation between the comparisons (they share the holdout).
 *
 * Bonferroni rather than Holm: the report leads with intervals, and Bonferroni has simultaneous
 * intervals (each at 1 − alpha / k) that agree with its tests, so a verdict read off an interval
 * and one read off a p-value never disagree. Holm's step-down is more powerful for the tests but
 * has no matching intervals.
 */
export type MultipleComparisonMethod = 'none' | 'bonferroni';

/** The alpha each of `comparisons` comparisons is run at so the whole family stays within `alpha`. */
export function bonferroniAlpha(alpha: number, comparisons: number): number {
  const k = Number.isFinite(comparisons) ? Math.max(1, Math.floor(comparisons)) : 1;
  return alpha / k;
}

/** A p-value adjusted to compare with the family alpha: min(1, k · p). */
export function bonferroniPValue(pValue: number, comparisons: number): number {
  const k = Number.isFinite(comparisons) ? Math.max(1, Math.floor(comparisons)) : 1;
  if (!Number.isFinite(pValue)) return 1;
  return Math.min(1, Math.max(0, pValue * k));
}

/** Unordered pairs among `count` arms: the comparisons needed to tell every two apart. */
export function pairCount(count: number): number {
  const n = Number.isFinite(count) ? Math.max(0, Math.floor(count)) : 0;
  return (n * (n - 1)) / 2;
}
