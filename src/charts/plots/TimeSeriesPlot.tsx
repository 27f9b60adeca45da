import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSeriesView } from '../../store/chartSelectors.ts';
import { axisTick, axisTitle, gridStroke, series, tooltipStyle } from '../palette.ts';

export function TimeSeriesPlot({ view }: { view: TimeSeriesView }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={view.rows} margin={{ top: 20, right: 12, bottom: 28, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
        <XAxis
          dataKey="tMin"
          type="number"
          domain={['dataMin', 'dataMax']}
          tickFormatter={(v: number) => v.toFixed(0)}
          tick={axisTick}
          label={{ value: 'simulated time (min)', position: 'insideBottom', offset: -16, ...axisTitle }}
        />
        <YAxis width={56} tick={axisTick} allowDecimals={false} label={{ value: 'connections', angle: -90, position: 'insideLeft', textAnchor: 'middle', ...axisTitle }} />
        <Tooltip contentStyle={tooltipStyle} labelFormatter={(v) => `${Number(v).toFixed(1)} min`} />
        <ReferenceLine y={view.capacity} stroke={series.formula.color} strokeDasharray={series.formula.dash} label={{ value: `pool max ${view.capacity}`, position: 'insideBottomRight', fontSize: 11, fill: 'var(--ink)' }} />
        <Line dataKey="active" name="active" stroke={series.active.color} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="idle" name="idle (kept alive)" stroke={series.idle.color} strokeDasharray={series.idle.dash} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line dataKey="queued" name="queued requests" stroke={series.queued.color} strokeDasharray={series.queued.dash} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
