import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KeepaliveView } from '../../store/chartSelectors.ts';
import { axisTick, axisTitle, gridStroke, series, tooltipStyle } from '../palette.ts';

export function KeepalivePlot({ view }: { view: KeepaliveView }) {
  const ticks = view.rows.map((r) => r.keepaliveSec);
  const first = ticks[0] ?? 1;
  const last = ticks[ticks.length - 1] ?? 1;
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={view.rows} margin={{ top: 20, right: 16, bottom: 28, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
        <XAxis
          dataKey="keepaliveSec"
          type="number"
          scale="log"
          domain={[first * 0.8, last * 1.25]}
          ticks={ticks}
          tick={axisTick}
          label={{ value: 'keep-alive expiry (s, log scale)', position: 'insideBottom', offset: -16, ...axisTitle }}
        />
        <YAxis width={56} domain={[0, 100]} tickFormatter={(v: number) => `${v} %`} tick={axisTick} label={{ value: 'reuse rate', angle: -90, position: 'insideLeft', textAnchor: 'middle', ...axisTitle }} />
        <Tooltip contentStyle={tooltipStyle} formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)} %` : String(v))} labelFormatter={(v) => `${v} s`} />
        <ReferenceLine y={view.aimPct} stroke={series.aim.color} strokeDasharray={series.aim.dash} label={{ value: `aim ${view.aimPct} %`, position: 'insideBottomLeft', fontSize: 11, fill: 'var(--ink)' }} />
        {ticks.includes(view.currentSec) ? (
          <ReferenceLine x={view.currentSec} stroke={series.formula.color} strokeDasharray={series.formula.dash} label={{ value: `yours ${view.currentSec} s`, position: 'insideBottomLeft', fontSize: 11, fill: 'var(--ink)' }} />
        ) : null}
        <Line dataKey="reusePct" name="reuse rate (%)" stroke={series.reuse.color} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
