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
