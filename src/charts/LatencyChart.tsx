import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAppStore } from '../store/index.ts';
import { selectLatencyRows } from '../store/simSelectors.ts';
import { ChartCard, axisStyle, colors } from './ChartCard.tsx';

export function LatencyChart() {
  const data = useAppStore(selectLatencyRows);
  const saved = useAppStore((s) => s.simResult?.unpooled.savedMs ?? 0);
  return (
    <ChartCard
      id="latency"
      title="Latency with and without pooling"
      caption={`The gap between the bars is handshake time pooling saves — ${(saved / 1000).toFixed(1)} s in all over the simulated requests.`}
      ready={data.length > 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 10, right: 10, bottom: 20, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="percentile" tick={axisStyle} label={{ value: 'latency percentile', position: 'insideBottom', offset: -12, ...axisStyle }} />
          <YAxis tick={axisStyle} label={{ value: 'latency (ms)', angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(0)} ms` : String(v))} />
          <Legend verticalAlign="top" height={28} />
          <Bar dataKey="pooled" name="with the pool" fill={colors.pooled} isAnimationActive={false} />
          <Bar dataKey="unpooled" name="new connection per request" fill={colors.unpooled} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
