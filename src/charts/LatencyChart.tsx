import { lazy, useDeferredValue } from 'react';
import { useAppStore } from '../store/index.ts';
import { selectLatencyView } from '../store/chartSelectors.ts';
import { ChartCard } from './ChartCard.tsx';
import { DataTable } from './DataTable.tsx';
import { series } from './palette.ts';

// recharts loads with the first chart drawn, not with the page.
const LatencyPlot = lazy(() => import('./plots/LatencyPlot.tsx').then((m) => ({ default: m.LatencyPlot })));

type Row = ReturnType<typeof selectLatencyView>['table'][number];

export function LatencyChart() {
  // Deferred: recharts redraws in interruptible slices, so an edit never waits behind a chart.
  const view = useDeferredValue(useAppStore(selectLatencyView));
  return (
    <ChartCard
      id="latency"
      title="What pooling saves per request"
      reading={view.reading}
      ready={view.bars.length > 0}
      legend={[
        { label: 'with the pool', style: series.pooled, kind: 'bar' },
        { label: 'new connection per request', style: series.unpooled, kind: 'bar' },
      ]}
      table={
        <DataTable<Row>
          id="latency"
          caption="Latency with and without pooling (means per request unless marked)"
          rows={view.table}
          columns={[
            { label: 'measure', value: (r) => r.measure },
            { label: 'with the pool', value: (r) => r.pooled },
            { label: 'new connection per request', value: (r) => r.unpooled },
          ]}
        />
      }
    >
      <LatencyPlot view={view} />
    </ChartCard>
  );
}
