import type { SeriesStyle } from './palette.ts';

export interface LegendItem {
  label: string;
  style: SeriesStyle;
  /** Bars are shown as a filled swatch, lines as a stroke with their dash pattern. */
  kind: 'line' | 'bar';
}

/** The legend lives outside the plot, so it can never cover reference lines or their labels. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="chart__legend">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="28" height="12" aria-hidden="true" focusable="false">
            {item.kind === 'line' ? (
              <line x1="1" y1="6" x2="27" y2="6" stroke={item.style.color} strokeWidth="2.5" strokeDasharray={item.style.dash} />
            ) : (
              <rect x="4" y="1" width="20" height="10" fill={item.style.color} stroke="var(--ink)" strokeWidth="1" strokeDasharray={item.style.dash} />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
