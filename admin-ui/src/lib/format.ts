const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  maximumFractionDigits: 2,
});
const countFormat = new Intl.NumberFormat();

/** A 0..1 fraction (holdout, conversion rate) as a percentage. */
export function formatPercent(fraction: number): string {
  return percentFormat.format(fraction);
}

export function formatCount(value: number): string {
  return countFormat.format(value);
}

const signedPercentFormats = new Map<string, Intl.NumberFormat>();

/**
 * A lift such as 0.216 as "+21.6%". The sign is always written (a rounded zero has none) so a
 * merchant never mistakes a drop for a gain.
 */
export function formatSignedPercent(fraction: number, digits = 1, locale?: string): string {
  const key = `${locale ?? ''}|${digits}`;
  let format = signedPercentFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'percent',
      signDisplay: 'exceptZero',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    signedPercentFormats.set(key, format);
  }
  return format.format(fraction);
}
