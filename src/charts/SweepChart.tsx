import { lazy, useDeferredValue } from 'react';
import { useAppStore } from '../store/index.ts';
import { selectSweepView, type SweepRow } from '../store/chartSelectors.ts';
import { ChartCard } from './ChartCard.tsx';
import { DataTable } from './DataTable.tsx';
import { formatMs, formatNumber } from '../core/format.ts';
import { series } from './palette.ts';

// recharts loads with the first chart drawn, not with the page.
const SweepPlot = lazy(() => import('./plots/SweepPlot.tsx').then((m) => ({ default: m.SweepPlot })));

export function SweepChart() {
  // Deferred: recharts redraws in interruptible slices, so an edit never waits behind a chart.
  const view = useDeferredValue(useAppStore(selectSweepView));
  const ready = view.rows.length > 0;
  return (
    <ChartCard
      id="sweep"
      title="Queue wait against pool size"
      reading={view.reading}
      ready={ready}
      legend={[
        { label: 'p50 wait', style: series.p50, kind: 'line' },
        { label: 'p99 wait', style: series.p99, kind: 'line' },
        { label: 'requests waiting (%, right axis)', style: series.pWait, kind: 'line' },
        { label: 'formula’s size', style: series.formula, kind: 'line' },
        ...(view.targetSize !== null ? [{ label: 'target’s size', style: series.target, kind: 'line' as const }] : []),
      ]}
      table={
        <DataTable<SweepRow>
          id="sweep"
          caption={`Queue wait by pool size (the plot shows ${view.domain[0]}–${view.domain[1]} connections${view.logScale ? ', wait on a log scale' : ''})`}
          rows={view.rows}
          columns={[
            { label: 'maxConnections', value: (r) => String(r.maxConnections) },
            { label: 'p50 wait', value: (r) => formatMs(r.p50) },
            { label: 'p99 wait', value: (r) => formatMs(r.p99) },
            { label: 'requests waiting (%)', value: (r) => formatNumber(r.pWaitPct) },
          ]}
        />
      }
    >
      <SweepPlot view={view} />
    </ChartCard>
  );
}
