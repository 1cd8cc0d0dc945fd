import type { ExperimentReport, VariantReport } from '../../../api/types.js';
import { formatCount } from '../../../lib/format.js';
import { ChartFrame } from './ChartFrame.js';
import type { ChartBox } from './chart-geometry.js';
import { buildLiftChart, buildUnitsChart, liftPoints } from './daily-chart.js';
import { formatConfidenceLevel } from './report-format.js';
import { isMultiVariant } from './variant-summary.js';

const LIFT_BOX: ChartBox = { width: 520, height: 200, top: 10, right: 14, bottom: 26, left: 52 };
const UNITS_BOX: ChartBox = { width: 300, height: 200, top: 10, right: 14, bottom: 26, left: 52 };

/** The variants' lines, told apart by dash pattern as well as colour (see report.css). */
const VARIANT_LINE = ['', ' Chart-line--b', ' Chart-line--c'];

function LiftChart({ report, variant }: { report: ExperimentReport; variant: VariantReport }) {
  const points = liftPoints(report.daily, variant.arm);
  const g = buildLiftChart(points, LIFT_BOX);
  const level = formatConfidenceLevel(report.multipleComparisons.alphaPerComparison);
  const who = isMultiVariant(report) ? `${variant.label}: revenue` : 'Revenue';
  const caption = (
    <figcaption class="ChartFigure-caption">
      {who} per unit lift, cumulative, with its {level} interval
    </figcaption>
  );
  if (g.skippedDays === points.length) {
    // Empty axes would look like a flat zero lift; say plainly that there is nothing to draw.
    return (
      <figure class="ChartFigure">
        {caption}
        <p class="ChartFigure-empty">
          No day has reached the minimum sample yet (
          {formatCount(variant.sample.minimumOrdersPerArm)} orders per arm).
        </p>
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
        label={`${variant.label}: cumulative revenue per unit lift by day, ${points.length} days`}
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
          The first {g.skippedDays === 1 ? 'day is' : `${g.skippedDays} days are`} below the minimum
          sample and {g.skippedDays === 1 ? 'is' : 'are'} not drawn.
        </p>
      )}
    </figure>
  );
}

function UnitsChart({ report }: { report: ExperimentReport }) {
  const g = buildUnitsChart(report.daily, UNITS_BOX);
  const last = report.daily.at(-1);
  const variants = g.variants.length > 0 ? g.variants : [g.treatment];
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
        {variants.map((series, i) => (
          <path key={`v${i}`} class={`Chart-line${VARIANT_LINE[i] ?? ''}`} d={series.path} />
        ))}
        {g.holdout.markers.map((p) => (
          <circle
            key={`h${p.x}`}
            class="Chart-point Chart-point--holdout"
            cx={p.x}
            cy={p.y}
            r={3}
          />
        ))}
        {variants.length === 1 &&
          g.treatment.markers.map((p) => (
            <circle key={`t${p.x}`} class="Chart-point" cx={p.x} cy={p.y} r={3} />
          ))}
      </ChartFrame>
      {last && (
        <p class="ChartLegend">
          <span class="ChartLegend-key ChartLegend-key--holdout" />
          Holdout {formatCount(last.control.units)}
          {report.variants.map((variant, i) => (
            <span key={variant.arm} class="ChartLegend-item">
              <span class={`ChartLegend-key ChartLegend-key--${i}`} />
              {variant.label}{' '}
              {formatCount(last.variants.find((v) => v.arm === variant.arm)?.totals.units ?? 0)}
            </span>
          ))}
        </p>
      )}
    </figure>
  );
}

/** How the result developed: a lift that settles down is more trustworthy than one that swings. */
export function DailyCharts({ report }: { report: ExperimentReport }) {
  if (report.daily.length === 0) return null;
  return (
    <div
      class={isMultiVariant(report) ? 'DailyCharts DailyCharts--variants' : 'DailyCharts'}
      data-testid="report-daily-chart"
    >
      {report.variants.map((variant) => (
        <LiftChart key={variant.arm} report={report} variant={variant} />
      ))}
      <UnitsChart report={report} />
    </div>
  );
}
