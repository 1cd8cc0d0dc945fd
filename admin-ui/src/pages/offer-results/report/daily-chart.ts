import type { ReportDay } from '../../../api/types.js';
import { formatCount, formatSignedPercent } from '../../../lib/format.js';
import {
  bandPath,
  type ChartBox,
  dayDomain,
  dayNumber,
  formatShortDate,
  linePath,
  niceTicks,
  type Point,
  pickDateTicks,
  type Tick,
} from './chart-geometry.js';
import { intervalDomain, RELATIVE_LIMITS, scaleLinear } from './interval-scale.js';

export interface LiftChartGeometry {
  line: string;
  band: string;
  /** Day markers for short series (a lone day is no line at all); long ones read as a line. */
  markers: Point[];
  zeroY: number;
  xTicks: Tick[];
  yTicks: Tick[];
  /** Days before the data supported an estimate are left out of the line and band. */
  skippedDays: number;
}

export interface Series {
  path: string;
  markers: Point[];
}

export interface UnitsChartGeometry {
  holdout: Series;
  /** The first variant (a single-variant offer's only one). */
  treatment: Series;
  /** Every variant, in the report's order (A, B, C). */
  variants: Series[];
  xTicks: Tick[];
  yTicks: Tick[];
}

/** One day of a variant's cumulative lift; a ReportDay is the first variant's. */
export interface LiftPoint {
  date: string;
  lift: number;
  ci: readonly [number, number];
  /** The minimum sample was reached by this day. */
  ready: boolean;
}

/** A variant's days as lift points (the first variant's are the days themselves). */
export function liftPoints(daily: readonly ReportDay[], arm: string): LiftPoint[] {
  return daily.map((day) => {
    const variant = day.variants.find((v) => v.arm === arm);
    return variant
      ? { date: day.date, lift: variant.lift, ci: variant.ci, ready: variant.ready }
      : { date: day.date, lift: 0, ci: [0, 0], ready: false };
  });
}

/**
 * A day is drawn once it has a real estimate: the minimum sample reached (before, a lift is not a
 * reading), and not the server's "cannot compare yet" zero-width interval (stats/compare.ts).
 */
export function hasEstimate(day: LiftPoint): boolean {
  return day.ready && day.ci[0] !== day.ci[1];
}

/** Beyond this many days, per-day dots only clutter the line. */
export const MAX_MARKERS = 14;

function markersFor(points: Point[]): Point[] {
  return points.length <= MAX_MARKERS ? points : [];
}

/** Half the width of the band drawn around a lone day, in SVG units. */
const LONE_DAY_HALF_WIDTH = 5;

function xScale(daily: readonly { date: string }[], box: ChartBox) {
  const scale = scaleLinear(dayDomain(daily.map((d) => d.date)), [box.left, box.width - box.right]);
  return (date: string) => scale(dayNumber(date));
}

/** A date label needs about this much room (SVG units) to stay clear of its neighbours. */
const DATE_LABEL_ROOM = 70;

function dateTicks(
  daily: readonly { date: string }[],
  x: (date: string) => number,
  box: ChartBox,
): Tick[] {
  const room = Math.floor((box.width - box.left - box.right) / DATE_LABEL_ROOM);
  return pickDateTicks(
    daily.map((d) => d.date),
    Math.max(2, room),
  ).map((date) => ({
    at: x(date),
    label: formatShortDate(date),
  }));
}

/** The cumulative relative lift of revenue per unit with its interval as a band, day by day. */
export function buildLiftChart(daily: readonly LiftPoint[], box: ChartBox): LiftChartGeometry {
  const x = xScale(daily, box);
  const shown = daily.filter(hasEstimate);
  const domain = intervalDomain(
    shown.flatMap((d) => [d.ci[0], d.ci[1], d.lift]),
    RELATIVE_LIMITS,
  );
  const y = scaleLinear(domain, [box.height - box.bottom, box.top]);
  const clampY = (value: number) => y(Math.min(Math.max(value, domain[0]), domain[1]));
  const points = shown.map((d) => ({ x: x(d.date), y: clampY(d.lift) }));
  let upper = shown.map((d) => ({ x: x(d.date), y: clampY(d.ci[1]) }));
  let lower = shown.map((d) => ({ x: x(d.date), y: clampY(d.ci[0]) }));
  const [onlyUpper] = upper;
  const [onlyLower] = lower;
  if (shown.length === 1 && onlyUpper && onlyLower) {
    // A band needs width: one day is drawn as a short bar centred on its date.
    upper = [-1, 1].map((side) => ({ ...onlyUpper, x: onlyUpper.x + side * LONE_DAY_HALF_WIDTH }));
    lower = [-1, 1].map((side) => ({ ...onlyLower, x: onlyLower.x + side * LONE_DAY_HALF_WIDTH }));
  }
  const span = domain[1] - domain[0];
  const digits = span < 0.1 ? 1 : 0;
  return {
    line: linePath(points),
    band: bandPath(upper, lower),
    markers: markersFor(points),
    zeroY: y(0),
    xTicks: dateTicks(daily, x, box),
    yTicks: niceTicks(domain, 5).map((value) => ({
      at: y(value),
      label: formatSignedPercent(value, digits),
    })),
    skippedDays: daily.length - shown.length,
  };
}

/** Cumulative units per arm: a steady ratio between the lines is what a healthy split looks like. */
export function buildUnitsChart(daily: readonly ReportDay[], box: ChartBox): UnitsChartGeometry {
  const x = xScale(daily, box);
  const max = Math.max(
    1,
    ...daily.flatMap((d) => [
      d.control.units,
      d.treatment.units,
      ...d.variants.map((v) => v.totals.units),
    ]),
  );
  // Round the top up to a whole step, so the highest line always sits under a labelled tick.
  const rough = niceTicks([0, max], 4);
  const step = (rough[1] ?? max) - (rough[0] ?? 0);
  const top = Math.ceil(max / step) * step;
  const ticks = niceTicks([0, top], 4);
  const y = scaleLinear([0, top], [box.height - box.bottom, box.top]);
  const series = (pick: (day: ReportDay) => number): Series => {
    const points = daily.map((d) => ({ x: x(d.date), y: y(pick(d)) }));
    return { path: linePath(points), markers: markersFor(points) };
  };
  const arms = daily[0]?.variants.map((v) => v.arm) ?? [];
  return {
    holdout: series((d) => d.control.units),
    treatment: series((d) => d.treatment.units),
    variants: arms.map((arm) =>
      series((d) => d.variants.find((v) => v.arm === arm)?.totals.units ?? 0),
    ),
    xTicks: dateTicks(daily, x, box),
    yTicks: ticks.map((value) => ({ at: y(value), label: formatCount(value) })),
  };
}
