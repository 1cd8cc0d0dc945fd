import type { ComponentChildren } from 'preact';
import type { ChartBox, Tick } from './chart-geometry.js';

interface ChartFrameProps {
  box: ChartBox;
  xTicks: readonly Tick[];
  yTicks: readonly Tick[];
  label: string;
  children: ComponentChildren;
}

/** Grid lines, tick labels and an accessible name around a small chart's marks. */
export function ChartFrame({ box, xTicks, yTicks, label, children }: ChartFrameProps) {
  const bottom = box.height - box.bottom;
  return (
    <svg
      class="Chart"
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      {yTicks.map((tick) => (
        <g key={`y${tick.label}`}>
          <line
            class="Chart-grid"
            x1={box.left}
            x2={box.width - box.right}
            y1={tick.at}
            y2={tick.at}
          />
          <text class="Chart-label" x={box.left - 6} y={tick.at} text-anchor="end" dy="0.32em">
            {tick.label}
          </text>
        </g>
      ))}
      {xTicks.map((tick) => (
        <text
          key={`x${tick.label}`}
          class="Chart-label"
          x={tick.at}
          y={bottom + 16}
          text-anchor="middle"
        >
          {tick.label}
        </text>
      ))}
      {children}
    </svg>
  );
}
