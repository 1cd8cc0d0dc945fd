/**
 * Geometry for drawing an estimate with its interval on a horizontal axis. Pure numbers in, pixel
 * positions out, so the drawing components only place shapes.
 */
export type Domain = readonly [number, number];

/** Whether an interval clears zero: the drawing's colour says what the verdict says. */
export type IntervalTone = 'positive' | 'negative' | 'neutral';

export interface IntervalGeometry {
  zeroX: number;
  lowX: number;
  highX: number;
  pointX: number;
  /** The interval runs past the drawn axis on that side (drawn as an open end). */
  clippedLow: boolean;
  clippedHigh: boolean;
  tone: IntervalTone;
}

/** Relative lifts beyond −100 % … +200 % are drawn clipped; the numbers beside them are exact. */
export const RELATIVE_LIMITS: Domain = [-1, 2];

const PADDING = 0.08;

/**
 * The axis range for a set of values: always contains zero (the line every reading is judged
 * against), is never empty, is padded so a dot at the edge stays visible, and is cut to `limits`
 * so one huge early interval cannot squash every other row into a dot.
 */
export function intervalDomain(values: readonly number[], limits?: Domain): Domain {
  const finite = values.filter((value) => Number.isFinite(value));
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (limits) {
    low = Math.max(low, limits[0]);
    high = Math.min(high, limits[1]);
  }
  if (high - low === 0) {
    // Nothing but zero: a symmetric unit range keeps the zero line centred.
    const half = limits ? Math.min(0.1, (limits[1] - limits[0]) / 2) : 1;
    return [-half, half];
  }
  const pad = (high - low) * PADDING;
  return [low - pad, high + pad];
}

/** A linear map from `domain` onto `range`; a zero-width domain maps everything to the middle. */
export function scaleLinear(domain: Domain, range: Domain): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

export function intervalTone(ci: readonly [number, number]): IntervalTone {
  if (ci[0] > 0) return 'positive';
  if (ci[1] < 0) return 'negative';
  return 'neutral';
}

export function intervalGeometry(
  estimate: number,
  ci: readonly [number, number],
  domain: Domain,
  range: Domain,
): IntervalGeometry {
  const x = scaleLinear(domain, range);
  const clamp = (value: number) => Math.min(Math.max(value, domain[0]), domain[1]);
  return {
    zeroX: x(0),
    lowX: x(clamp(ci[0])),
    highX: x(clamp(ci[1])),
    pointX: x(clamp(estimate)),
    clippedLow: ci[0] < domain[0],
    clippedHigh: ci[1] > domain[1],
    tone: intervalTone(ci),
  };
}
