import { formatSignedPercent } from '../../../lib/format.js';
import { formatSignedMoney } from '../../../lib/money.js';

/**
 * How the report's statistics read as text. Each keeps the precision a decision needs and no
 * more, and none reads as a certainty: a p-value of 1.000 reads as "certainly no effect" and
 * 0.000 as "certainly an effect", so the ends are written as bounds ("> 0.99", "< 0.001" — the
 * latter also the threshold of the sample-ratio alert).
 */
export function formatPValue(pValue: number): string {
  if (pValue < 0.001) return '< 0.001';
  if (pValue > 0.99) return '> 0.99';
  return pValue.toFixed(3);
}

/** "p < 0.001", "p > 0.99" or "p = 0.004": a bound has no "equals". */
export function formatPStatement(pValue: number): string {
  const text = formatPValue(pValue);
  return text.startsWith('<') || text.startsWith('>') ? `p ${text}` : `p = ${text}`;
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

/**
 * "95%" from alpha 0.05, "97.5%" from 0.025, "98.3%" from 0.05 / 3 (a Bonferroni-adjusted
 * interval): the way the interval's level is named everywhere in the report.
 */
export function formatConfidenceLevel(alpha: number): string {
  const percent = Math.round((1 - alpha) * 1000) / 10;
  return `${Number.isInteger(percent) ? percent.toFixed(0) : percent.toFixed(1)}%`;
}
