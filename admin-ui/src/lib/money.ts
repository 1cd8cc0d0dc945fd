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
