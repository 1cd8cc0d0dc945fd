/**
 * Money is stored as integer minor units. Shopify sends decimal strings ("19.90"); the number of
 * minor digits depends on the currency (JPY has none, KWD three), which Intl knows.
 */
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

export function toMinorUnits(amount: string | number | null | undefined, currency: string): number {
  if (amount === null || amount === undefined || amount === '') return 0;
  const value = typeof amount === 'number' ? amount : Number.parseFloat(amount);
  if (!Number.isFinite(value)) return 0;
  return Math.round(value * 10 ** currencyDigits(currency));
}

export function fromMinorUnits(amount: number, currency: string): number {
  return amount / 10 ** currencyDigits(currency);
}
