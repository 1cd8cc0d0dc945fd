import { describe, expect, test } from 'vitest';
import { currencyDigits, formatMoney } from '../../admin-ui/src/lib/money.js';

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
