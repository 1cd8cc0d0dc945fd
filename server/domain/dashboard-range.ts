import { z } from 'zod';
import type { DashboardRange } from './dashboard-types.js';

export const DAY_MS = 86_400_000;
/** A year and a day: enough for a year-over-year look, small enough to stay a cheap read. */
export const MAX_RANGE_DAYS = 366;
export const DEFAULT_RANGE_DAYS = 30;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((value) => toDay(value) !== null, 'must be a real calendar date');

export const dashboardQuerySchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || (toDay(q.from) ?? 0) <= (toDay(q.to) ?? 0), {
    message: 'from must not be after to',
    path: ['from'],
  })
  .refine((q) => !q.from || !q.to || (toDay(q.to) ?? 0) - (toDay(q.from) ?? 0) < MAX_RANGE_DAYS, {
    message: `the range may span at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** Days since the epoch (UTC) of a `YYYY-MM-DD` date, or null when it is not a calendar date. */
export function toDay(date: string): number | null {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(ms)) return null;
  // Date.parse rolls 2025-02-30 over to March; a date that does not print back is not real.
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : null;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The range in days and epoch ms (`endMs` exclusive), filling a missing end from the other. */
export interface ResolvedRange extends DashboardRange {
  fromDay: number;
  toDay: number;
  startMs: number;
  endMs: number;
}

export function resolveRange(query: DashboardQuery, now: number): ResolvedRange {
  const today = Math.floor(now / DAY_MS);
  const last = query.to ? (toDay(query.to) ?? today) : today;
  const first = query.from
    ? (toDay(query.from) ?? last - DEFAULT_RANGE_DAYS + 1)
    : query.to
      ? last - DEFAULT_RANGE_DAYS + 1
      : today - DEFAULT_RANGE_DAYS + 1;
  // Only `from` given and far back: keep the span within the limit rather than refuse it.
  const end = query.to ? last : Math.max(first, Math.min(today, first + MAX_RANGE_DAYS - 1));
  return {
    from: fromDay(first),
    to: fromDay(end),
    days: end - first + 1,
    fromDay: first,
    toDay: end,
    startMs: first * DAY_MS,
    endMs: (end + 1) * DAY_MS,
  };
}
