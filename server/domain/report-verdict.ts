import type { Comparison } from '../stats/index.js';
import { currencyDigits } from './money.js';
import { describeShortfall } from './report-sample.js';
import type {
  LeaderMargin,
  LeaderReport,
  SampleProgress,
  VariantReport,
  Verdict,
} from './report-types.js';

export type { Verdict } from './report-types.js';

/**
 * The one sentence a merchant reads first. It leads with incremental revenue and its interval and
 * only calls a result positive or negative when the whole interval is on one side of zero. Before
 * the minimum sample it states no figure at all — only how far there is to go.
 */
export interface VerdictOptions {
  /** The alpha of this comparison (after any multiple-comparison adjustment). */
  alpha: number;
  engine: 'frequentist' | 'bayesian';
  srmFlagged?: boolean;
  /** Absent: the caller vouches the sample is enough (the engine's own check still applies). */
  sample?: SampleProgress;
  /** "Variant B", prefixed when an offer has several variants. */
  label?: string;
  /** The offer kind's words for the figure and its reading (offer-kinds, `report`). */
  wording?: VerdictWording;
}

/** How a kind names incremental revenue in its verdict, and what a called result means for it. */
export interface VerdictWording {
  /** Replaces "incremental revenue", e.g. "incremental revenue net of the coupon's discount". */
  metric?: string;
  /** Appended to a positive verdict. */
  positive?: string;
  /** Appended to a negative verdict. */
  negative?: string;
}

/** "95%" for 0.05, "97.5%" for 0.025, "98.3%" for 0.05 / 3: the level an interval is read at. */
export function formatLevel(alpha: number): string {
  const percent = Math.round((1 - alpha) * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}

/** "< 0.001", "> 0.99" or three decimals: neither a tiny nor a huge p-value reads as certainty. */
export function formatPValue(pValue: number): string {
  if (pValue < 0.001) return '< 0.001';
  if (pValue > 0.99) return '> 0.99';
  return pValue.toFixed(3);
}

function moneyFormatter(currency: string) {
  const format = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    signDisplay: 'always',
    maximumFractionDigits: 0,
  });
  return (minor: number) => format.format(minor / 10 ** currencyDigits(currency));
}

/** The engine could not compare: no figure means anything yet. */
function cannotCompare(incremental: Comparison, lift: Comparison): boolean {
  return (
    lift.warnings.includes('not_enough_data') ||
    lift.warnings.includes('zero_variance') ||
    incremental.warnings.includes('zero_variance')
  );
}

export function describeVerdict(
  incremental: Comparison,
  lift: Comparison,
  options: VerdictOptions,
  currency: string,
): Verdict {
  const prefix = options.label ? `${options.label}: ` : '';
  if (options.sample && !options.sample.reached) {
    return {
      kind: 'not_enough_data',
      text: `${prefix}Not enough data yet: ${describeShortfall(options.sample)}.`,
    };
  }
  if (cannotCompare(incremental, lift)) {
    return {
      kind: 'not_enough_data',
      text: `${prefix}Not enough data yet: the arms' revenue cannot be compared so far. Keep the offer running.`,
    };
  }
  const money = moneyFormatter(currency);
  // A Bayesian interval is a credible interval; calling it a confidence interval would mislead.
  const kind = options.engine === 'bayesian' ? 'credible interval' : 'CI';
  const range = `${formatLevel(options.alpha)} ${kind} ${money(incremental.ci[0])} to ${money(incremental.ci[1])}`;
  const wording = options.wording ?? {};
  const metric = wording.metric ?? 'incremental revenue';
  const text = `${prefix}${money(incremental.expected)} ${metric}, ${range}`;
  // A broken split invalidates the comparison, whatever the intervals say.
  if (options.srmFlagged) {
    return { kind: 'inconclusive', text: `Sample ratio mismatch — not reliable: ${text}.` };
  }
  // Only a result both intervals agree on is called: the relative lift's interval also carries
  // the holdout mean's uncertainty, so it can straddle zero when the absolute one does not.
  const reading = (note: string | undefined) => (note ? `${text} — ${note}` : text);
  if (incremental.ci[0] > 0 && lift.ci[0] > 0) {
    return { kind: 'positive', text: reading(wording.positive) };
  }
  if (incremental.ci[1] < 0 && lift.ci[1] < 0) {
    return { kind: 'negative', text: reading(wording.negative) };
  }
  return { kind: 'inconclusive', text: `${text} — not distinguishable from zero yet.` };
}

function listLabels(margins: readonly LeaderMargin[]): string {
  const labels = margins.map((m) => m.label);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

/** Which variant leads, in words; no variant is named before the minimum sample or under SRM. */
export function describeLeader(
  status: LeaderReport['status'],
  label: string | null,
  margins: readonly LeaderMargin[],
  sample: SampleProgress,
): string {
  if (status === 'too_early') {
    return `Too early to name a leading variant: ${describeShortfall(sample)}.`;
  }
  if (status === 'unreliable') {
    return 'No variant is named as leading: the traffic split does not match the configured weights.';
  }
  if (status === 'clear') {
    return `${label} leads on revenue per unit, ahead of ${listLabels(margins)} beyond chance.`;
  }
  const close = margins.filter((m) => !m.distinguishable);
  return `${label} leads on revenue per unit so far, but cannot yet be told apart from ${listLabels(close)}.`;
}

/**
 * The report's headline. One variant: its own verdict. Several: nothing until every arm has the
 * minimum sample, then the leader named with its verdict against the holdout.
 */
export function summarizeVerdict(
  variants: readonly VariantReport[],
  leader: LeaderReport | null,
  sample: SampleProgress,
): Verdict {
  const [only] = variants;
  if (!only) return { kind: 'not_enough_data', text: 'This experiment has no variant to compare.' };
  if (variants.length === 1 || !leader) return only.verdict;
  if (!sample.reached) {
    return { kind: 'not_enough_data', text: `Not enough data yet: ${describeShortfall(sample)}.` };
  }
  const waiting = variants.find((v) => !v.ready);
  if (waiting) return waiting.verdict;
  if (leader.status === 'unreliable' || leader.arm === null) {
    return {
      kind: 'inconclusive',
      text: 'Sample ratio mismatch — not reliable: no variant is called until the split matches the weights.',
    };
  }
  const lead = variants.find((v) => v.arm === leader.arm) ?? only;
  return { kind: lead.verdict.kind, text: `${leader.text} ${lead.verdict.text}` };
}
