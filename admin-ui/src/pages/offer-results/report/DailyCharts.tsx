import type { ExperimentReport } from '../../../api/types.js';
import { formatCount } from '../../../lib/format.js';
import { ChartFrame } from './ChartFrame.js';
import type { ChartBox } from './chart-geometry.js';
import { buildLiftChart, buildUnitsChart } from './daily-chart.js';
import { formatConfidenceLevel } from './report-format.js';

const LIFT_BOX: ChartBox = { width: 520, height: 200, top: 10, right: 14, bottom: 26, left: 52 };
const UNITS_BOX: ChartBox = { width: 300, height: 200, top: 10, right: 14, bottom: 26, left: 52 };

function LiftChart({ report }: { report: ExperimentReport }) {
  const g = buildLiftChart(report.daily, LIFT_BOX);
  const level = formatConfidenceLevel(report.alpha);
  const caption = (
    <figcaption class="ChartFigure-caption">
      Revenue per unit lift, cumulative, with its {level} interval
    </figcaption>
  );
  if (g.skippedDays === report.daily.length) {
    // Empty axes would look like a flat zero lift; say plainly that there is nothing to draw.
    return (
      <figure class="ChartFigure">
        {caption}
        <p class="ChartFigure-empty">No day has enough data for an estimate yet.</p>
      </figure>
    );
  }
  return (
    <figure class="ChartFigure">
      {caption}
      <ChartFrame
        box={LIFT_BOX}
        xTicks={g.xTicks}
        yTicks={g.yTicks}
        label={`Cumulative revenue per unit lift by day, ${report.daily.length} days`}
      >
        <path class="Chart-band" d={g.band} />
        <line
          class="Chart-zero"
          x1={LIFT_BOX.left}
          x2={LIFT_BOX.width - LIFT_BOX.right}
          y1={g.zeroY}
          y2={g.zeroY}
        />
        <path class="Chart-line" d={g.line} />
        {g.markers.map((p) => (
          <circle key={`${p.x}`} class="Chart-point" cx={p.x} cy={p.y} r={3} />
        ))}
      </ChartFrame>
      {g.skippedDays > 0 && (
        <p class="text-secondary">
          The first {g.skippedDays === 1 ? 'day has' : `${g.skippedDays} days have`} too little data
          for an estimate and {g.skippedDays === 1 ? 'is' : 'are'} not drawn.
        </p>
      )}
    </figure>
  );
}

function UnitsChart({ report }: { report: ExperimentReport }) {
  const g = buildUnitsChart(report.daily, UNITS_BOX);
  const last = report.daily.at(-1);
  return (
    <figure class="ChartFigure">
      <figcaption class="ChartFigure-caption">Units per arm, cumulative</figcaption>
      <ChartFrame
        box={UNITS_BOX}
        xTicks={g.xTicks}
        yTicks={g.yTicks}
        label="Cumulative units per arm by day"
      >
        <path class="Chart-line Chart-line--holdout" d={g.holdout.path} />
        <path class="Chart-line" d={g.treatment.path} />
        {g.holdout.markers.map((p) => (
          <circle
            key={`h${p.x}`}
            class="Chart-point Chart-point--holdout"
            cx={p.x}
            cy={p.y}
            r={3}
          />
        ))}
        {g.treatment.markers.map((p) => (
          <circle key={`t${p.x}`} class="Chart-point" cx={p.x} cy={p.y} r={3} />
        ))}
      </ChartFrame>
      {last && (
        <p class="ChartLegend">
          <span class="ChartLegend-key ChartLegend-key--holdout" />
          Holdout {formatCount(last.control.units)}
          <span class="ChartLegend-key" />
          Treatment {formatCount(last.treatment.units)}
        </p>
      )}
    </figure>
  );
}

/** How the result developed: a lift that settles down is more trustworthy than one that swings. */
export function DailyCharts({ report }: { report: ExperimentReport }) {
  if (report.daily.length === 0) return null;
  return (
    <div class="DailyCharts" data-testid="report-daily-chart">
      <LiftChart report={report} />
      <UnitsChart report={report} />
    </div>
  );
}
