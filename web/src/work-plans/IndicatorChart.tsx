/**
 * A small bar chart for an indicator: its value in the report's period, over the mandate so far
 * and its target. Plain SVG (no style element, no inline style attribute): it prints as it shows.
 */
export interface ChartBar {
  label: string;
  value: number;
  /** Shown as a value but drawn as a marker line, such as the target. */
  kind?: 'value' | 'target';
}

const WIDTH = 480;
const ROW = 28;
const LABEL = 170;
const NUMBER = 56;

export function IndicatorChart({ title, bars, format }: { title: string; bars: ChartBar[]; format: (value: number) => string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const span = WIDTH - LABEL - NUMBER;
  const height = bars.length * ROW + 8;
  return (
    <svg
      className="indicator-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      height={height}
      role="img"
      aria-label={`${title}: ${bars.map((bar) => `${bar.label} ${format(bar.value)}`).join(', ')}`}
      preserveAspectRatio="xMinYMin meet"
    >
      {bars.map((bar, index) => {
        const y = 4 + index * ROW;
        const length = Math.round((bar.value / max) * span);
        return (
          <g key={bar.label} aria-hidden="true">
            <text x={0} y={y + ROW / 2 + 4} className="indicator-chart-label">
              {bar.label}
            </text>
            {bar.kind === 'target' ? (
              <rect x={LABEL} y={y + 4} width={Math.max(length, 2)} height={ROW - 10} className="indicator-chart-target" />
            ) : (
              <rect x={LABEL} y={y + 4} width={Math.max(length, bar.value > 0 ? 2 : 0)} height={ROW - 10} className="indicator-chart-bar" />
            )}
            <text x={LABEL + Math.max(length, 0) + 6} y={y + ROW / 2 + 4} className="indicator-chart-value">
              {format(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
