import { compareArms } from './compare';
import type { ArmSums, CompareOptions, Comparison } from './types';

export type IncrementalOptions = Omit<CompareOptions, 'difference'>;

/**
 * Incremental total caused by the treatment: (RPU_T − RPU_C) · n_T, with the absolute
 * difference's interval scaled the same way. For a ratio metric the per-denominator
 * difference is scaled by the treatment's denominator total instead (e.g. AOV · orders).
 * Uncertainty in n_T itself is ignored: it is observed, not estimated.
 */
export function incrementalTotal(
  control: ArmSums,
  treatment: ArmSums,
  options: IncrementalOptions,
): Comparison {
  const comparison = compareArms(control, treatment, { ...options, difference: 'absolute' });
  const rawScale = options.metric === 'ratio' ? (treatment.denominatorSum ?? 0) : treatment.n;
  const scale = Number.isFinite(rawScale) ? rawScale : 0;
  const [low, high] = comparison.ci;
  return {
    ...comparison,
    expected: comparison.expected * scale,
    // A negative scale (impossible for counts) would swap the bounds; keep them ordered.
    ci: [Math.min(low * scale, high * scale), Math.max(low * scale, high * scale)],
    stddev: comparison.stddev * Math.abs(scale),
  };
}
