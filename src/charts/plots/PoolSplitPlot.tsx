import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { PoolComparisonRow } from '../../store/simulationSlice.ts';
import { formatMs } from '../../core/format.ts';
import { axisTick, axisTitle, gridStroke, series, tooltipStyle } from '../palette.ts';

export function PoolSplitPlot({ rows }: { rows: PoolComparisonRow[] }) {
  const label = { position: 'top' as const, formatter: (v: unknown) => (typeof v === 'number' ? formatMs(v) : ''), fontSize: 11, fill: 'var(--ink)' };
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={rows} margin={{ top: 20, right: 12, bottom: 28, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="className" tick={axisTick} label={{ value: 'request class', position: 'insideBottom', offset: -16, ...axisTitle }} />
        <YAxis width={64} tickFormatter={(v: number) => formatMs(v)} tick={axisTick} label={{ value: 'p99 queue wait', angle: -90, position: 'insideLeft', textAnchor: 'middle', ...axisTitle }} />
        <Tooltip contentStyle={tooltipStyle} formatter={(v) => (typeof v === 'number' ? formatMs(v) : String(v))} />
        <Bar dataKey="shared" name="one shared pool" fill={series.unpooled.color} stroke="var(--ink)" strokeDasharray={series.unpooled.dash} isAnimationActive={false}>
          <LabelList dataKey="shared" {...label} />
        </Bar>
        <Bar dataKey="split" name="separate pools" fill={series.pooled.color} isAnimationActive={false}>
          <LabelList dataKey="split" {...label} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
