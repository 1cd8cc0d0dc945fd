import type { Comparison } from '../../../api/types.js';
import { type Domain, intervalGeometry } from './interval-scale.js';

const WIDTH = 160;
const HEIGHT = 28;
const INSET = 8;
const MID = HEIGHT / 2;

interface IntervalBarProps {
  comparison: Comparison;
  domain: Domain;
  /** Read aloud instead of the drawing, e.g. "+21.6%, 95% interval −1.4% to +44.7%". */
  label: string;
}

/** The estimate as a dot on its interval, against a marked zero: the whole result in one glance. */
export function IntervalBar({ comparison, domain, label }: IntervalBarProps) {
  const g = intervalGeometry(comparison.expected, comparison.ci, domain, [INSET, WIDTH - INSET]);
  return (
    <svg
      class={`IntervalBar IntervalBar--${g.tone}`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <line class="IntervalBar-axis" x1={INSET} x2={WIDTH - INSET} y1={MID} y2={MID} />
      <line class="IntervalBar-zero" x1={g.zeroX} x2={g.zeroX} y1={3} y2={HEIGHT - 3} />
      <rect
        class="IntervalBar-range"
        x={g.lowX}
        y={MID - 4}
        width={Math.max(1, g.highX - g.lowX)}
        height={8}
        rx={4}
      />
      {/* An arrow head says "the interval goes on past the axis" without faking its length. */}
      {g.clippedLow && <path class="IntervalBar-clip" d={`M${g.lowX - 6},${MID}l6,-5v10z`} />}
      {g.clippedHigh && <path class="IntervalBar-clip" d={`M${g.highX + 6},${MID}l-6,-5v10z`} />}
      <circle class="IntervalBar-point" cx={g.pointX} cy={MID} r={5} />
    </svg>
  );
}
