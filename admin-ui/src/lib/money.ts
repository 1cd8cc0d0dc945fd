/**
 * Money arrives as integer minor units; how many minor digits a currency has (JPY none, KWD
 * three) is Intl's knowledge, not ours.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function currencyDigits(currency: string): number {
  return currencyFormatter(currency, 'en').resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minorUnits: number, currency: string, locale?: string): string {
  const formatter = currencyFormatter(currency, locale);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(minorUnits / 10 ** digits);
}

const signedWholeFormatters = new Map<string, Intl.NumberFormat>();

/**
 * Incremental revenue as "+$1,240": signed, whole major units. Estimates with intervals hundreds
 * wide gain nothing from cents, and the server's verdict sentence rounds the same way.
 */
export function formatSignedMoney(minorUnits: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let formatter = signedWholeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      signDisplay: 'exceptZero',
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    });
    signedWholeFormatters.set(key, formatter);
  }
  return formatter.format(minorUnits / 10 ** currencyDigits(currency));
}

/**
 * Minor units as a merchant types an amount: 500 USD → "5.00", 500 JPY → "500". No grouping or
 * symbol, so the text parses back with `parseMoneyInput` unchanged.
 */
export function toMoneyInput(minorUnits: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minorUnits / 10 ** digits).toFixed(digits);
}

export type MoneyInput = { ok: true; minorUnits: number } | { ok: false; error: string };

/**
 * "5", "5.00" or "5,00" in the shop's currency → integer minor units, without float rounding (the
 * digits are joined as text). More decimals than the currency has is refused rather than rounded.
 */
export function parseMoneyInput(text: string, currency: string): MoneyInput {
  const digits = currencyDigits(currency);
  const example = (1234 / 10 ** digits).toFixed(digits);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!match?.[1]) return { ok: false, error: `Enter an amount such as ${example}.` };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) {
    return {
      ok: false,
      error:
        digits === 0
          ? `Enter a whole amount; ${currency} has no minor unit.`
          : `Use at most ${digits} decimal places.`,
    };
  }
  const minorUnits = Number(match[1] + fraction.padEnd(digits, '0'));
  if (!Number.isSafeInteger(minorUnits)) return { ok: false, error: 'That amount is too large.' };
  return { ok: true, minorUnits };
}
