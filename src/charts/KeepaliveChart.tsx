import { lazy, useDeferredValue } from 'react';
import { useAppStore } from '../store/index.ts';
import { selectKeepaliveView, type KeepaliveRow } from '../store/chartSelectors.ts';
import { ChartCard } from './ChartCard.tsx';
import { DataTable } from './DataTable.tsx';
import { formatNumber } from '../core/format.ts';
import { series } from './palette.ts';

// recharts loads with the first chart drawn, not with the page.
const KeepalivePlot = lazy(() => import('./plots/KeepalivePlot.tsx').then((m) => ({ default: m.KeepalivePlot })));

export function KeepaliveChart() {
  // Deferred: recharts redraws in interruptible slices, so an edit never waits behind a chart.
  const view = useDeferredValue(useAppStore(selectKeepaliveView));
  return (
    <ChartCard
      id="keepalive"
      title="Reuse rate against keep-alive expiry"
      reading={view.reading}
      ready={view.rows.length > 0}
      legend={[
        { label: 'reuse rate', style: series.reuse, kind: 'line' },
        { label: `aim (${view.aimPct} %)`, style: series.aim, kind: 'line' },
        { label: 'your keep-alive', style: series.formula, kind: 'line' },
      ]}
      table={
        <DataTable<KeepaliveRow>
          id="keepalive"
          caption="Share of requests served on a reused connection, by keep-alive expiry"
          rows={view.rows}
          columns={[
            { label: 'keep-alive (s)', value: (r) => String(r.keepaliveSec) },
            { label: 'reuse rate (%)', value: (r) => formatNumber(r.reusePct) },
          ]}
        />
      }
    >
      <KeepalivePlot view={view} />
    </ChartCard>
  );
}
