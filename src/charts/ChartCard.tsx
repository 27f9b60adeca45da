import { Suspense, type ReactNode } from 'react';
import { ChartLegend, type LegendItem } from './ChartLegend.tsx';
import { useNoInnerTabStops } from './useNoInnerTabStops.ts';
import { useFrozenWhileHidden, useOnScreen } from '../components/ui/useOnScreen.ts';

export interface ChartCardProps {
  id: string;
  title: string;
  /** One line on what the chart shows for the current numbers; also the plot's accessible name. */
  reading: string;
  ready: boolean;
  legend: LegendItem[];
  /** The data table (a DataTable), shown once there is data. */
  table: ReactNode;
  /** Shown instead of the plot when the chart has nothing to draw. */
  emptyMessage?: string | undefined;
  /** The plot itself, lazily loaded (recharts stays out of the first download). */
  children: ReactNode;
}

/**
 * One chart: title, a single focusable image named by its reading (recharts' own tab stops are
 * off), legend, reading, and the same numbers as a table.
 */
export function ChartCard({ id, title, reading, ready, legend, table, emptyMessage, children }: ChartCardProps) {
  const titleId = `chart-${id}-title`;
  const readingId = `chart-${id}-reading`;
  const plotRef = useNoInnerTabStops();
  // Off-screen plots keep their last drawing and catch up when scrolled into view.
  const [onScreen, figureRef] = useOnScreen();
  const plot = useFrozenWhileHidden(children, onScreen);
  if (emptyMessage) {
    return (
      <figure className="chart" data-testid={`chart-${id}`} data-ready="true" aria-labelledby={titleId}>
        <h3 id={titleId}>{title}</h3>
        <figcaption className="chart__waiting">{emptyMessage}</figcaption>
      </figure>
    );
  }
  return (
    <figure ref={figureRef} className="chart" data-testid={`chart-${id}`} data-ready={ready ? 'true' : 'false'} aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <div
        ref={plotRef}
        className="chart__plot"
        role="img"
        tabIndex={0}
        aria-label={ready ? title : `${title}: waiting for the simulation`}
        aria-describedby={ready ? readingId : undefined}
        data-testid={`chart-${id}-plot`}
      >
        {ready ? (
          <Suspense fallback={<p className="chart__waiting">Drawing the chart…</p>}>{plot ?? <p className="chart__waiting">Drawn when scrolled into view.</p>}</Suspense>
        ) : (
          <p className="chart__waiting">Waiting for the simulation…</p>
        )}
      </div>
      {ready ? (
        <>
          <ChartLegend items={legend} />
          <figcaption id={readingId} data-testid={`chart-${id}-reading`}>
            {reading}
          </figcaption>
          {table}
        </>
      ) : null}
    </figure>
  );
}
