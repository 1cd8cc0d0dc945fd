import { describe, expect, test } from 'vitest';
import { formatSignedPercent } from '../../admin-ui/src/lib/format.js';
import { formatSignedMoney } from '../../admin-ui/src/lib/money.js';
import {
  formatChanceToWin,
  formatConfidenceLevel,
  formatLiftInterval,
  formatMoneyInterval,
  formatPStatement,
  formatPValue,
} from '../../admin-ui/src/pages/offer-results/report/report-format.js';

describe('lift and money formatting', () => {
  test('always signs a lift, so a drop never reads as a gain', () => {
    expect(formatSignedPercent(0.2163, 1, 'en-US')).toBe('+21.6%');
    expect(formatSignedPercent(-0.0141, 1, 'en-US')).toBe('-1.4%');
  });

  test('writes no sign for a lift that rounds to zero', () => {
    expect(formatSignedPercent(0.0004, 1, 'en-US')).toBe('0.0%');
  });

  test('writes an interval as its two signed ends', () => {
    expect(formatLiftInterval([-0.0141, 0.4467], 'en-US')).toBe('-1.4% to +44.7%');
  });

  test('rounds incremental revenue to whole currency units with a sign', () => {
    expect(formatSignedMoney(732_201.05, 'USD', 'en-US')).toBe('+$7,322');
    expect(formatSignedMoney(-16_200, 'USD', 'en-US')).toBe('-$162');
    expect(formatSignedMoney(0, 'USD', 'en-US')).toBe('$0');
    expect(formatSignedMoney(1990, 'JPY', 'en-US')).toBe('+¥1,990');
  });

  test('writes a money interval the way the server verdict does', () => {
    expect(formatMoneyInterval([16_738.14, 1_447_663.96], 'USD', 'en-US')).toBe(
      '+$167 to +$14,477',
    );
  });

  test('names the interval level from alpha, with a decimal when adjusted', () => {
    expect(formatConfidenceLevel(0.05)).toBe('95%');
    expect(formatConfidenceLevel(0.1)).toBe('90%');
    expect(formatConfidenceLevel(0.025)).toBe('97.5%');
    expect(formatConfidenceLevel(0.05 / 3)).toBe('98.3%');
  });
});

describe('evidence formatting', () => {
  test('keeps three decimals for ordinary p-values', () => {
    expect(formatPValue(0.08040081867429234)).toBe('0.080');
    expect(formatPValue(0.99)).toBe('0.990');
  });

  test('never prints 1.000: a p-value near 1 is "> 0.99", not "certainly no effect"', () => {
    expect(formatPValue(1)).toBe('> 0.99');
    expect(formatPValue(0.9951)).toBe('> 0.99');
    expect(formatPStatement(1)).toBe('p > 0.99');
  });

  test('floors tiny p-values at the SRM alert threshold', () => {
    expect(formatPValue(0.000105)).toBe('< 0.001');
    expect(formatPValue(1.79e-6)).toBe('< 0.001');
    expect(formatPValue(0.001)).toBe('0.001');
  });

  test('states a bound as an inequality', () => {
    expect(formatPStatement(1.79e-6)).toBe('p < 0.001');
    expect(formatPStatement(0.0041)).toBe('p = 0.004');
  });

  test('never shows a chance to win as a certainty', () => {
    expect(formatChanceToWin(0.99784)).toBe('99.8%');
    expect(formatChanceToWin(0.99997)).toBe('> 99.9%');
    expect(formatChanceToWin(0.00002)).toBe('< 0.1%');
    expect(formatChanceToWin(0.5)).toBe('50.0%');
  });
});
