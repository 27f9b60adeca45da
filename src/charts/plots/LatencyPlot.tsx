import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LatencyView } from '../../store/chartSelectors.ts';
import { formatMs } from '../../core/format.ts';
import { axisTick, axisTitle, gridStroke, series, tooltipStyle } from '../palette.ts';

/**
 * Only what pooling changes (handshake time, and what comes before the first byte), not whole
 * latencies: a 100 ms handshake vanishes next to a 20 s stream, but not on its own scale.
 * Each bar carries its value, so the two series are told apart without colour.
 */
export function LatencyPlot({ view }: { view: LatencyView }) {
  const label = { position: 'right' as const, formatter: (v: unknown) => (typeof v === 'number' ? formatMs(v) : ''), fontSize: 11, fill: 'var(--ink)' };
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={view.bars} layout="vertical" margin={{ top: 8, right: 56, bottom: 28, left: 8 }} accessibilityLayer={false} barCategoryGap="20%">
        <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tickFormatter={(v: number) => formatMs(v)} tick={axisTick} label={{ value: 'time per request (mean)', position: 'insideBottom', offset: -16, ...axisTitle }} />
        <YAxis type="category" dataKey="measure" width={110} tick={axisTick} />
        <Tooltip contentStyle={tooltipStyle} formatter={(v) => (typeof v === 'number' ? formatMs(v) : String(v))} />
        <Bar dataKey="pooled" name="with the pool" fill={series.pooled.color} isAnimationActive={false}>
          <LabelList dataKey="pooled" {...label} />
        </Bar>
        <Bar dataKey="unpooled" name="new connection per request" fill={series.unpooled.color} stroke="var(--ink)" strokeDasharray={series.unpooled.dash} isAnimationActive={false}>
          <LabelList dataKey="unpooled" {...label} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
