import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  InvalidAmountError,
  MAX_LINES,
  MAX_MINOR_UNITS,
  MAX_QUANTITY,
  parseMoney,
  toMinorUnits,
} from '../../server/domain/money.js';

describe('parseMoney (the one parser for Shopify money)', () => {
  test.each([
    ['19.90', 'USD', 1990],
    ['19.9', 'USD', 1990],
    ['0', 'USD', 0],
    ['0.00', 'USD', 0],
    ['007.50', 'USD', 750],
    ['1900', 'JPY', 1900],
    // Shopify's REST payloads pad every currency to two places; the zeros change nothing.
    ['1900.00', 'JPY', 1900],
    ['1.234', 'KWD', 1234],
    ['10000000000.00', 'USD', MAX_MINOR_UNITS],
  ])('%s %s is %d minor units', (amount, currency, minor) => {
    expect(parseMoney(amount, currency)).toBe(minor);
  });

  test('a JSON number is read through its decimal text, exactly', () => {
    expect(parseMoney(12.5, 'USD')).toBe(1250);
    expect(parseMoney(0.29, 'USD')).toBe(29); // 0.29 × 100 is 28.999… in binary floating point
  });

  test.each([
    ['-50.00', 'USD'],
    ['NaN', 'USD'],
    ['abc', 'USD'],
    ['1e400', 'USD'],
    ['12abc', 'USD'],
    ['1e307', 'USD'],
    ['Infinity', 'USD'],
    ['', 'USD'],
    [' 5.00', 'USD'],
    ['+5.00', 'USD'],
    ['0x10', 'USD'],
    ['1,000.00', 'USD'],
    ['5.', 'USD'],
    ['.5', 'USD'],
    ['19.999', 'USD'],
    ['1.5', 'JPY'],
    ['1.2345', 'KWD'],
    ['10000000000.01', 'USD'],
    ['99999999999999999999999999', 'USD'],
  ])('refuses %j in %s', (amount, currency) => {
    expect(() => parseMoney(amount, currency)).toThrow(InvalidAmountError);
  });

  test.each([-50, Number.NaN, Number.POSITIVE_INFINITY, 1e307, 1e-7, 0.125])(
    'refuses the JSON number %d',
    (amount) => {
      expect(() => parseMoney(amount, 'USD')).toThrow(InvalidAmountError);
    },
  );

  test('the error says what is wrong without repeating the value', () => {
    try {
      parseMoney('12abc', 'USD');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidAmountError);
      expect((error as Error).message).not.toContain('12abc');
    }
  });

  test('an absent optional amount is zero; a present one must parse', () => {
    expect(toMinorUnits(null, 'USD')).toBe(0);
    expect(toMinorUnits(undefined, 'USD')).toBe(0);
    expect(() => toMinorUnits('NaN', 'USD')).toThrow(InvalidAmountError);
  });

  test('the bounds keep the largest payload sum a safe integer', () => {
    expect(MAX_LINES * MAX_MINOR_UNITS).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(MAX_QUANTITY).toBe(1_000_000);
  });
});

describe('parseMoney agrees with exact BigInt arithmetic on every decimal text', () => {
  /** The oracle: digits to minor units through BigInt only, null where the parser must refuse. */
  function exactMinor(whole: string, fraction: string, digits: number): number | null {
    if (/[^0]/.test(fraction.slice(digits))) return null;
    const minor =
      BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.slice(0, digits).padEnd(digits, '0'));
    return minor > BigInt(MAX_MINOR_UNITS) ? null : Number(minor);
  }

  test('short texts (the double fast path), long ones and the edges around the maximum', () => {
    const digit = fc.constantFrom(...'0123456789');
    const digits = (max: number) =>
      fc.array(digit, { minLength: 1, maxLength: max }).map((d) => d.join(''));
    fc.assert(
      fc.property(
        fc.oneof(digits(17), fc.constantFrom('9999999999', '10000000000', '000000000000001')),
        fc.option(fc.oneof(digits(5), fc.constantFrom('00', '99', '995', '000000')), {
          nil: undefined,
        }),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        (whole, fraction, currency) => {
          const text = fraction === undefined ? whole : `${whole}.${fraction}`;
          if (text.length > 40) return;
          const expected = exactMinor(
            whole,
            fraction ?? '',
            { USD: 2, JPY: 0, KWD: 3 }[currency] as number,
          );
          if (expected === null)
            expect(() => parseMoney(text, currency)).toThrow(InvalidAmountError);
          else expect(parseMoney(text, currency)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
