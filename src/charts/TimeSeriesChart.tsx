import { lazy, useDeferredValue } from 'react';
import { useAppStore } from '../store/index.ts';
import { selectTimeSeriesView, type SeriesRow } from '../store/chartSelectors.ts';
import { ChartCard } from './ChartCard.tsx';
import { DataTable } from './DataTable.tsx';
import { formatNumber } from '../core/format.ts';
import { series } from './palette.ts';

// recharts loads with the first chart drawn, not with the page.
const TimeSeriesPlot = lazy(() => import('./plots/TimeSeriesPlot.tsx').then((m) => ({ default: m.TimeSeriesPlot })));

export function TimeSeriesChart() {
  // Deferred: recharts redraws in interruptible slices, so an edit never waits behind a chart.
  const view = useDeferredValue(useAppStore(selectTimeSeriesView));
  return (
    <ChartCard
      id="timeseries"
      title="Connections over time"
      reading={view.reading}
      ready={view.rows.length > 0}
      legend={[
        { label: 'active connections', style: series.active, kind: 'line' },
        { label: 'idle (kept alive)', style: series.idle, kind: 'line' },
        { label: 'queued requests', style: series.queued, kind: 'line' },
        { label: 'pool max', style: series.formula, kind: 'line' },
      ]}
      table={
        <DataTable<SeriesRow>
          id="timeseries"
          caption={view.tableStep > 1 ? `Connections over simulated time (every ${view.tableStep}th sample)` : 'Connections over simulated time'}
          rows={view.tableRows}
          columns={[
            { label: 'time (min)', value: (r) => formatNumber(r.tMin, 2) },
            { label: 'active', value: (r) => formatNumber(r.active, 0) },
            { label: 'idle', value: (r) => formatNumber(r.idle, 0) },
            { label: 'queued', value: (r) => formatNumber(r.queued, 0) },
          ]}
        />
      }
    >
      <TimeSeriesPlot view={view} />
    </ChartCard>
  );
}
