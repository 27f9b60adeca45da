/**
 * Series styles. Colours are CSS variables (styles.css sets them for light and dark schemes), and
 * each series also has its own dash pattern, so no series is told apart by colour alone.
 */
export interface SeriesStyle {
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash: string | undefined;
}

export const series = {
  p50: { color: 'var(--chart-1)', dash: undefined },
  p99: { color: 'var(--chart-2)', dash: '8 4' },
  pWait: { color: 'var(--chart-3)', dash: '2 3' },
  active: { color: 'var(--chart-1)', dash: undefined },
  idle: { color: 'var(--chart-4)', dash: '8 4' },
  queued: { color: 'var(--chart-2)', dash: '2 3' },
  reuse: { color: 'var(--chart-1)', dash: undefined },
  pooled: { color: 'var(--chart-1)', dash: undefined },
  unpooled: { color: 'var(--chart-muted)', dash: '4 2' },
  formula: { color: 'var(--chart-ref)', dash: '6 3' },
  target: { color: 'var(--chart-4)', dash: '2 2' },
  aim: { color: 'var(--chart-4)', dash: '6 3' },
} satisfies Record<string, SeriesStyle>;

export const axisTick = { fontSize: 12, fill: 'var(--chart-axis)' } as const;
export const axisTitle = { fontSize: 12, fill: 'var(--chart-axis)' } as const;
export const gridStroke = 'var(--chart-grid)';
export const tooltipStyle = { backgroundColor: 'var(--card)', borderColor: 'var(--line)', color: 'var(--ink)' } as const;
