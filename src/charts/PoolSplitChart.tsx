import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAppStore } from '../store/index.ts';
import { selectPoolComparison } from '../store/simSelectors.ts';
import { ChartCard, axisStyle, colors } from './ChartCard.tsx';

export function PoolSplitChart() {
  const rows = useAppStore(selectPoolComparison);
  const status = useAppStore((s) => s.simStatus);
  if (rows === null && status === 'done') {
    return (
      <figure className="chart" data-testid="chart-poolsplit" data-ready="true">
        <h3>Shared pool against separate streaming and batch pools</h3>
        <p className="chart__waiting">All requests are of one kind (all streamed or all short): there is nothing to split.</p>
      </figure>
    );
  }
  return (
    <ChartCard
      id="poolsplit"
      title="Shared pool against separate streaming and batch pools"
      caption="p99 queue wait per request class: in a shared pool long streams hold the connections and short calls wait behind them."
      ready={rows !== null && rows.length > 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows ?? []} margin={{ top: 10, right: 10, bottom: 20, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="className" tick={axisStyle} label={{ value: 'request class', position: 'insideBottom', offset: -12, ...axisStyle }} />
          <YAxis tick={axisStyle} label={{ value: 'p99 queue wait (ms)', angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(0)} ms` : String(v))} />
          <Legend verticalAlign="top" height={28} />
          <Bar dataKey="shared" name="one shared pool" fill={colors.unpooled} isAnimationActive={false} />
          <Bar dataKey="split" name="separate pools" fill={colors.pooled} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
