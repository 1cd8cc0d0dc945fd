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
