import { lazy, useDeferredValue } from 'react';
import { useAppStore } from '../store/index.ts';
import { selectPoolSplitView } from '../store/chartSelectors.ts';
import type { PoolComparisonRow } from '../store/simulationSlice.ts';
import { ChartCard } from './ChartCard.tsx';
import { DataTable } from './DataTable.tsx';
import { formatMs } from '../core/format.ts';
import { series } from './palette.ts';

// recharts loads with the first chart drawn, not with the page.
const PoolSplitPlot = lazy(() => import('./plots/PoolSplitPlot.tsx').then((m) => ({ default: m.PoolSplitPlot })));

export function PoolSplitChart() {
  // Deferred: recharts redraws in interruptible slices, so an edit never waits behind a chart.
  const view = useDeferredValue(useAppStore(selectPoolSplitView));
  const status = useAppStore((s) => s.simStatus);
  const nothingToSplit = view.rows === null && status === 'done';
  return (
    <ChartCard
      id="poolsplit"
      title="Shared pool against separate streaming and batch pools"
      reading={view.reading}
      ready={view.rows !== null && view.rows.length > 0}
      emptyMessage={nothingToSplit ? 'All requests are of one kind (all streamed or all short): there is nothing to split.' : undefined}
      legend={[
        { label: 'one shared pool', style: series.unpooled, kind: 'bar' },
        { label: 'separate pools', style: series.pooled, kind: 'bar' },
      ]}
      table={
        <DataTable<PoolComparisonRow>
          id="poolsplit"
          caption="p99 queue wait per request class"
          rows={view.rows ?? []}
          columns={[
            { label: 'request class', value: (r) => r.className },
            { label: 'one shared pool', value: (r) => formatMs(r.shared) },
            { label: 'separate pools', value: (r) => formatMs(r.split) },
          ]}
        />
      }
    >
      <PoolSplitPlot rows={view.rows ?? []} />
    </ChartCard>
  );
}
