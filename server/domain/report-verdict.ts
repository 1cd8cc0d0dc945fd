import type { Comparison } from '../stats/index.js';
import { currencyDigits } from './money.js';

/**
 * The one sentence a merchant reads first. It leads with incremental revenue and its interval and
 * only calls a result positive or negative when the whole interval is on one side of zero.
 */
export type Verdict = {
  kind: 'positive' | 'negative' | 'inconclusive' | 'not_enough_data';
  text: string;
};

export function describeVerdict(
  incremental: Comparison,
  lift: Comparison,
  options: { alpha: number; engine: 'frequentist' | 'bayesian'; srmFlagged?: boolean },
  currency: string,
): Verdict {
  const money = (minor: number) =>
    new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      signDisplay: 'always',
      maximumFractionDigits: 0,
    }).format(minor / 10 ** currencyDigits(currency));
  const level = Math.round((1 - options.alpha) * 100);
  // A Bayesian interval is a credible interval; calling it a confidence interval would mislead.
  const kind = options.engine === 'bayesian' ? 'credible interval' : 'CI';
  const range = `${level}% ${kind} ${money(incremental.ci[0])} to ${money(incremental.ci[1])}`;
  if (lift.warnings.includes('not_enough_data') || lift.warnings.includes('zero_variance')) {
    return {
      kind: 'not_enough_data',
      text: `Not enough data yet: ${money(incremental.expected)} so far (${range}).`,
    };
  }
  const text = `${money(incremental.expected)} incremental revenue, ${range}`;
  // A broken split invalidates the comparison, whatever the intervals say.
  if (options.srmFlagged) {
    return { kind: 'inconclusive', text: `Sample ratio mismatch — not reliable: ${text}.` };
  }
  // Only a result both intervals agree on is called: the relative lift's interval also carries
  // the holdout mean's uncertainty, so it can straddle zero when the absolute one does not.
  if (incremental.ci[0] > 0 && lift.ci[0] > 0) return { kind: 'positive', text };
  if (incremental.ci[1] < 0 && lift.ci[1] < 0) return { kind: 'negative', text };
  return { kind: 'inconclusive', text: `${text} — not distinguishable from zero yet.` };
}
