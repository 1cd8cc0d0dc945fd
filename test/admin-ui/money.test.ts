import { describe, expect, test } from 'vitest';
import {
  currencyDigits,
  formatMoney,
  parseMoneyInput,
  toMoneyInput,
} from '../../admin-ui/src/lib/money.js';

describe('formatMoney', () => {
  test('formats integer minor units of a two-decimal currency', () => {
    expect(formatMoney(1990, 'USD', 'en-US')).toBe('$19.90');
    expect(formatMoney(123456789, 'USD', 'en-US')).toBe('$1,234,567.89');
  });

  test('knows that yen have no minor unit', () => {
    expect(currencyDigits('JPY')).toBe(0);
    expect(formatMoney(1990, 'JPY', 'en-US')).toBe('¥1,990');
  });

  test('knows three-decimal currencies', () => {
    expect(currencyDigits('KWD')).toBe(3);
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
  });

  test('uses the locale for separators and symbol placement', () => {
    expect(formatMoney(1990, 'EUR', 'de-DE')).toBe('19,90\u00a0€');
  });

  test('formats zero and negative amounts', () => {
    expect(formatMoney(0, 'USD', 'en-US')).toBe('$0.00');
    expect(formatMoney(-250, 'USD', 'en-US')).toBe('-$2.50');
  });
});

describe('money typed by a merchant', () => {
  test('turns the shop money into minor units without float rounding', () => {
    expect(parseMoneyInput('5.00', 'USD')).toEqual({ ok: true, minorUnits: 500 });
    expect(parseMoneyInput(' 19.9 ', 'USD')).toEqual({ ok: true, minorUnits: 1990 });
    expect(parseMoneyInput('0.29', 'USD')).toEqual({ ok: true, minorUnits: 29 });
    expect(parseMoneyInput('5,25', 'EUR')).toEqual({ ok: true, minorUnits: 525 });
    expect(parseMoneyInput('500', 'JPY')).toEqual({ ok: true, minorUnits: 500 });
    expect(parseMoneyInput('1.234', 'KWD')).toEqual({ ok: true, minorUnits: 1234 });
  });

  test('refuses text that is not an amount in that currency', () => {
    expect(parseMoneyInput('', 'USD').ok).toBe(false);
    expect(parseMoneyInput('-5', 'USD').ok).toBe(false);
    expect(parseMoneyInput('$5', 'USD').ok).toBe(false);
    expect(parseMoneyInput('1,000.00', 'USD').ok).toBe(false);
    expect(parseMoneyInput('5.001', 'USD')).toEqual({
      ok: false,
      error: 'Use at most 2 decimal places.',
    });
  });

  test('writes minor units back as the merchant would type them', () => {
    expect(toMoneyInput(250, 'USD')).toBe('2.50');
    expect(toMoneyInput(250, 'JPY')).toBe('250');
    expect(toMoneyInput(1234, 'KWD')).toBe('1.234');
    for (const minor of [1, 29, 1990, 123_456_789]) {
      expect(parseMoneyInput(toMoneyInput(minor, 'USD'), 'USD')).toEqual({
        ok: true,
        minorUnits: minor,
      });
    }
  });
});
