/**
 * The home page's periods. Days are UTC calendar days, as the server counts them (the rollups
 * are kept by UTC day), so "last 7 days" is today and the six UTC days before it.
 */
export const RANGE_PRESETS = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 365 days' },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]['value'];

export const DEFAULT_PRESET: RangePreset = '30';

const DAY_MS = 86_400_000;

export interface DateRange {
  from: string;
  to: string;
}

export function rangeForPreset(preset: RangePreset, now: number): DateRange {
  const today = Math.floor(now / DAY_MS);
  const day = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
  return { from: day(today - Number(preset) + 1), to: day(today) };
}

export function isRangePreset(value: string): value is RangePreset {
  return RANGE_PRESETS.some((preset) => preset.value === value);
}

/** The admin API path for the range (docs/api.md, `GET /dashboard`). */
export function dashboardPath(range: DateRange): string {
  const params = new URLSearchParams({ from: range.from, to: range.to });
  return `/dashboard?${params.toString()}`;
}
