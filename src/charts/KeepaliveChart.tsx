import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAppStore } from '../store/index.ts';
import { selectKeepaliveRows } from '../store/simSelectors.ts';
import { ChartCard, axisStyle, colors } from './ChartCard.tsx';

export function KeepaliveChart() {
  const rows = useAppStore(selectKeepaliveRows);
  const data = rows.map((r) => ({ keepaliveSec: r.keepaliveSec, reusePct: r.reuseRate * 100 }));
  return (
    <ChartCard
      id="keepalive"
      title="Reuse rate against keep-alive expiry"
      caption="Library defaults of 5–15 s close connections while users read a reply; reuse climbs once the expiry outlasts the gap between requests."
      ready={data.length > 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 10, right: 10, bottom: 20, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="keepaliveSec" type="number" scale="log" domain={[4, 400]} ticks={[5, 15, 30, 60, 120, 300]} tick={axisStyle} label={{ value: 'keep-alive expiry (s, log scale)', position: 'insideBottom', offset: -12, ...axisStyle }} />
          <YAxis domain={[0, 100]} tick={axisStyle} label={{ value: 'reuse rate (%)', angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)} %` : String(v))} labelFormatter={(v) => `${v} s`} />
          <Legend verticalAlign="top" height={28} />
          <ReferenceLine y={85} stroke={colors.idle} strokeDasharray="6 3" label={{ value: 'aim: 85 %', position: 'insideBottomRight', fontSize: 11 }} />
          <Line dataKey="reusePct" name="reuse rate (%)" stroke={colors.active} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
