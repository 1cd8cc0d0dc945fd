import type { Domain } from './interval-scale.js';

/** The drawing area of a small chart, in SVG user units. */
export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Tick {
  /** x or y in SVG units, depending on the axis. */
  at: number;
  label: string;
}

export interface Point {
  x: number;
  y: number;
}

const DAY_MS = 86_400_000;

/** "2026-11-23" → whole UTC days since the epoch, so gaps between dates keep their width. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * Round tick values (1, 2 or 5 × 10ⁿ apart) covering `domain`, about `count` of them, the way a
 * person would label an axis. The step is the nearest round one (d3's rule), not the next larger,
 * so an axis up to 2,037 gets steps of 500, not 1,000.
 */
export function niceTicks(domain: Domain, count = 4): number[] {
  const [low, high] = domain;
  const span = high - low;
  if (!(span > 0) || !Number.isFinite(span)) return [low];
  const rough = span / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const error = rough / magnitude;
  const factor =
    error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.SQRT2 ? 2 : 1;
  const step = factor * magnitude;
  const ticks: number[] = [];
  // Integer multiples avoid the drift of repeated addition (0.1 + 0.2 ≠ 0.3).
  for (let i = Math.ceil(low / step - 1e-9); i * step <= high + step * 1e-9; i += 1) {
    ticks.push(i === 0 ? 0 : Number((i * step).toPrecision(12)));
  }
  return ticks;
}

/** At most `max` date labels, evenly spread, always including the first and last day. */
export function pickDateTicks(dates: readonly string[], max = 5): string[] {
  if (dates.length <= max) return [...dates];
  const picked: string[] = [];
  const stride = (dates.length - 1) / (max - 1);
  for (let i = 0; i < max; i += 1) {
    const date = dates[Math.round(i * stride)];
    if (date !== undefined) picked.push(date);
  }
  return picked;
}

const shortDate = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

export function formatShortDate(date: string): string {
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}

/** The x range of the days shown; a single day sits in the middle of the chart. */
export function dayDomain(dates: readonly string[]): Domain {
  const days = dates.map(dayNumber);
  const first = Math.min(...days);
  const last = Math.max(...days);
  return first === last ? [first - 1, last + 1] : [first, last];
}

export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join('');
}

/** A closed band between an upper and a lower line over the same x positions. */
export function bandPath(upper: readonly Point[], lower: readonly Point[]): string {
  if (upper.length === 0) return '';
  return `${linePath([...upper, ...[...lower].reverse()])}Z`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
