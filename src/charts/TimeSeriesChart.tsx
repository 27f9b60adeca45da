import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAppStore } from '../store/index.ts';
import { selectSeries } from '../store/simSelectors.ts';
import { ChartCard, axisStyle, colors } from './ChartCard.tsx';

export function TimeSeriesChart() {
  const data = useAppStore(selectSeries);
  return (
    <ChartCard
      id="timeseries"
      title="Connections over time"
      caption="Active connections should stay below the pool’s max; any queued line above zero is requests waiting for a connection."
      ready={data.length > 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 10, right: 10, bottom: 20, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="tMin" type="number" domain={['dataMin', 'dataMax']} tickFormatter={(v: number) => v.toFixed(0)} tick={axisStyle} label={{ value: 'simulated time (min)', position: 'insideBottom', offset: -12, ...axisStyle }} />
          <YAxis tick={axisStyle} allowDecimals={false} label={{ value: 'connections', angle: -90, position: 'insideLeft', ...axisStyle }} />
          <Tooltip labelFormatter={(v) => `${Number(v).toFixed(1)} min`} />
          <Legend verticalAlign="top" height={28} />
          <Line dataKey="active" name="active" stroke={colors.active} dot={false} isAnimationActive={false} />
          <Line dataKey="idle" name="idle (kept alive)" stroke={colors.idle} dot={false} isAnimationActive={false} />
          <Line dataKey="queued" name="queued requests" stroke={colors.queued} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
