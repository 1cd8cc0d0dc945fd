import { formatSignedPercent } from '../../../lib/format.js';
import { formatSignedMoney } from '../../../lib/money.js';

/**
 * How the report's statistics read as text. Each keeps the precision a decision needs and no
 * more: a p-value of 0.0804 and 0.08 lead to the same decision, "< 0.0001" and 1e-9 too.
 */
export function formatPValue(pValue: number): string {
  if (pValue < 0.0001) return '< 0.0001';
  if (pValue < 0.001) return pValue.toFixed(4);
  return pValue.toFixed(3);
}

/** "p < 0.0001" or "p = 0.004": a tiny p-value has no "equals". */
export function formatPStatement(pValue: number): string {
  const text = formatPValue(pValue);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

/** A chance to win is never shown as a certainty: 99.97 % is "> 99.9%", not "100%". */
export function formatChanceToWin(chance: number): string {
  if (chance > 0.999) return '> 99.9%';
  if (chance < 0.001) return '< 0.1%';
  return `${(chance * 100).toFixed(1)}%`;
}

export function formatLift(fraction: number, locale?: string): string {
  return formatSignedPercent(fraction, 1, locale);
}

export function formatLiftInterval(ci: readonly [number, number], locale?: string): string {
  return `${formatLift(ci[0], locale)} to ${formatLift(ci[1], locale)}`;
}

export function formatMoneyInterval(
  ci: readonly [number, number],
  currency: string,
  locale?: string,
): string {
  return `${formatSignedMoney(ci[0], currency, locale)} to ${formatSignedMoney(ci[1], currency, locale)}`;
}

/** "95%" from alpha 0.05, the way the interval's level is named everywhere in the report. */
export function formatConfidenceLevel(alpha: number): string {
  return `${Math.round((1 - alpha) * 100)}%`;
}
