import { runBayesianTest, scalePriorToAbsolute } from './bayesian';
import { computeWelchDof, estimateEffect } from './effect';
import { runTwoSidedTTest } from './frequentist';
import { summarizeArm } from './moments';
import { type ResolvedOptions, resolveOptions } from './options';
import { runSequentialTest } from './sequential';
import type {
  ArmMoments,
  ArmSums,
  CompareOptions,
  Comparison,
  MetricKind,
  StatsWarning,
} from './types';
import { collectWarnings } from './warnings';

function isValidArm(arm: ArmSums, metric: MetricKind): boolean {
  const fields = [arm.n, arm.sum, arm.sumSquares];
  if (metric === 'ratio') {
    if (arm.denominatorSum === undefined) return false;
    fields.push(arm.denominatorSum, arm.denominatorSumSquares ?? 0, arm.crossSum ?? 0);
  }
  return fields.every((x) => Number.isFinite(x)) && arm.n >= 0;
}

/**
 * GrowthBook's "uninformative" output for comparisons that cannot be made: no effect,
 * a zero-width interval, p = 1 or a coin-flip chance to win. The warnings say why.
 */
function buildDefaultComparison(options: CompareOptions, warnings: StatsWarning[]): Comparison {
  const base = { expected: 0, ci: [0, 0] as [number, number], stddev: 0, warnings };
  return options.engine === 'bayesian' ? { ...base, chanceToWin: 0.5 } : { ...base, pValue: 1 };
}

function isFiniteComparison(result: Comparison): boolean {
  const numbers = [result.expected, result.stddev, ...result.ci];
  if (result.pValue !== undefined) numbers.push(result.pValue);
  if (result.chanceToWin !== undefined) numbers.push(result.chanceToWin);
  return numbers.every((x) => Number.isFinite(x));
}

function runEngine(
  a: ArmMoments,
  b: ArmMoments,
  options: CompareOptions,
  resolved: ResolvedOptions,
): Omit<Comparison, 'warnings'> {
  const effect = estimateEffect(a, b, options.difference);
  if (options.engine === 'bayesian') {
    const prior =
      options.difference === 'absolute'
        ? scalePriorToAbsolute(resolved.prior, a.mean)
        : resolved.prior;
    return runBayesianTest(effect, resolved.alpha, prior);
  }
  if (resolved.sequentialTuning !== null) {
    return runSequentialTest(effect, a.n + b.n, resolved.alpha, resolved.sequentialTuning);
  }
  return runTwoSidedTTest(effect, computeWelchDof(a, b), resolved.alpha);
}

/**
 * Compares a treatment arm with control from per-arm sums. Never throws and never returns
 * NaN: when the data cannot support a comparison the result is GrowthBook's uninformative
 * default and `warnings` names the reason.
 */
export function compareArms(
  control: ArmSums,
  treatment: ArmSums,
  options: CompareOptions,
): Comparison {
  const resolved = resolveOptions(options);
  const optionWarnings: StatsWarning[] = resolved.invalid ? ['invalid_input'] : [];
  if (!isValidArm(control, options.metric) || !isValidArm(treatment, options.metric)) {
    return buildDefaultComparison(options, ['invalid_input', 'not_enough_data']);
  }
  const a = summarizeArm(control, options.metric);
  const b = summarizeArm(treatment, options.metric);
  const warnings = [...collectWarnings({ control, treatment, a, b }, resolved), ...optionWarnings];
  const cannotCompare =
    warnings.includes('zero_variance') ||
    (options.difference === 'relative' && warnings.includes('zero_control_mean'));
  if (cannotCompare) return buildDefaultComparison(options, warnings);
  const result: Comparison = { ...runEngine(a, b, options, resolved), warnings };
  if (!(result.stddev > 0) || !isFiniteComparison(result)) {
    return buildDefaultComparison(
      options,
      warnings.includes('zero_variance') ? warnings : [...warnings, 'zero_variance'],
    );
  }
  return result;
}
