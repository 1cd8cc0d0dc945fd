import { DomainError } from './domain-error.js';

/**
 * Money is stored as integer minor units. Shopify sends decimal strings ("19.90"); the number of
 * minor digits depends on the currency (JPY has none, KWD three), which Intl knows.
 *
 * Bounds. Every amount is at most MAX_MINOR_UNITS (10¹² minor units: ten billion dollars, a
 * trillion yen) and every line quantity at most MAX_QUANTITY (10⁶). An order or refund holds at
 * most MAX_LINES lines, so one payload's sum stays below 5·10¹⁵ < 2⁵³ and is exact both as a
 * JavaScript number and as a SQLite integer. Anything outside is refused, never clamped: a
 * payload that breaks them is not one Shopify sends for a real order.
 */
export const MAX_MINOR_UNITS = 1_000_000_000_000;
export const MAX_QUANTITY = 1_000_000;
export const MAX_LINES = 5_000;

/** An amount that is not money this app accepts; the message never repeats the value. */
export class InvalidAmountError extends DomainError {
  constructor(message: string) {
    super('unprocessable', 'invalid_amount', message);
    this.name = 'InvalidAmountError';
  }
}

const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  let digits = 2;
  try {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
  } catch {
    digits = 2;
  }
  digitsCache.set(currency, digits);
  return digits;
}

// Plain decimal notation only: no sign, exponent, separators, spaces, hex, NaN or Infinity.
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;
const MAX_TEXT = 40;

/**
 * The one parser for Shopify money: a finite, non-negative decimal with at most the currency's
 * minor digits, at most MAX_MINOR_UNITS. Digits past the currency's are accepted only when they
 * are zeros ("1900.00" JPY is 1900: Shopify's REST payloads pad every currency to two places).
 * Exact: the arithmetic is on the digits, never through a binary float.
 */
export function parseMoney(amount: string | number, currency: string): number {
  if (typeof amount === 'number' && !Number.isFinite(amount))
    throw new InvalidAmountError('not a finite amount');
  const text = String(amount);
  if (text.length > MAX_TEXT) throw new InvalidAmountError('amount is too long');
  const match = DECIMAL.exec(text);
  if (!match) throw new InvalidAmountError('not a non-negative decimal amount');
  const whole = match[1] as string;
  const fraction = match[2] ?? '';
  const digits = currencyDigits(currency);
  if (/[^0]/.test(fraction.slice(digits)))
    throw new InvalidAmountError(`more than ${digits} decimal places for ${currency}`);
  const minorDigits = fraction.slice(0, digits).padEnd(digits, '0');
  // Fifteen digits or fewer stay below 2^53, where a double's integer arithmetic is exact; only
  // longer texts (none below the maximum, bar leading zeros) need BigInt. Every order's amounts
  // come through here, and BigInt showed in the webhook profile.
  const minor =
    whole.length + digits <= 15
      ? Number(whole) * 10 ** digits + Number(minorDigits || '0')
      : BigInt(whole) * 10n ** BigInt(digits) + BigInt(minorDigits);
  if (minor > MAX_MINOR_UNITS)
    throw new InvalidAmountError('amount is above the supported maximum');
  return Number(minor);
}

/** Like parseMoney, with an absent amount meaning zero (optional fields in Shopify payloads). */
export function toMinorUnits(amount: string | number | null | undefined, currency: string): number {
  if (amount === null || amount === undefined) return 0;
  return parseMoney(amount, currency);
}

export function fromMinorUnits(amount: number, currency: string): number {
  return amount / 10 ** currencyDigits(currency);
}
