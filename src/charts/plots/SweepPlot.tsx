import { CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SweepView } from '../../store/chartSelectors.ts';
import { formatMs } from '../../core/format.ts';
import { axisTick, axisTitle, gridStroke, series, tooltipStyle } from '../palette.ts';

/** Label positions that keep two nearby reference labels apart: each on its outer side. */
function refLabels(formula: number, target: number | null) {
  if (target === null) return { formula: 'insideTopRight' as const, target: 'insideTopLeft' as const };
  return formula <= target ? { formula: 'insideTopRight' as const, target: 'insideTopLeft' as const } : { formula: 'insideTopLeft' as const, target: 'insideTopRight' as const };
}

export function SweepPlot({ view }: { view: SweepView }) {
  const { plotted, domain, logScale, waitTicks, formulaSize, targetSize } = view;
  const sameSize = targetSize !== null && targetSize === formulaSize;
  const labels = refLabels(formulaSize, sameSize ? null : targetSize);
  const inView = (n: number) => n >= domain[0] && n <= domain[1];
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart data={plotted} margin={{ top: 24, right: 8, bottom: 28, left: 8 }} accessibilityLayer={false}>
        <CartesianGrid stroke={gridStroke} strokeDasharray="3 3" />
        <XAxis
          dataKey="maxConnections"
          type="number"
          domain={domain}
          allowDecimals={false}
          tick={axisTick}
          label={{ value: 'pool size: maxConnections', position: 'insideBottom', offset: -16, ...axisTitle }}
        />
        <YAxis
          yAxisId="ms"
          width={64}
          scale={logScale ? 'symlog' : 'auto'}
          ticks={waitTicks}
          tickFormatter={(v: number) => formatMs(v)}
          tick={axisTick}
          label={{ value: logScale ? 'queue wait (log scale)' : 'queue wait', angle: -90, position: 'insideLeft', textAnchor: 'middle', ...axisTitle }}
        />
        <YAxis
          yAxisId="pct"
          orientation="right"
          width={66}
          domain={[0, 100]}
          tickFormatter={(v: number) => `${v} %`}
          tick={axisTick}
          label={{ value: 'requests waiting', angle: 90, position: 'insideRight', textAnchor: 'middle', ...axisTitle }}
        />
        <Tooltip contentStyle={tooltipStyle} formatter={(v, name) => (typeof v === 'number' ? (String(name).includes('%') ? `${v.toFixed(1)} %` : formatMs(v)) : String(v))} labelFormatter={(v) => `${v} connections`} />
        <Line yAxisId="ms" dataKey="p50" name="p50 wait" stroke={series.p50.color} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        <Line yAxisId="ms" dataKey="p99" name="p99 wait" stroke={series.p99.color} strokeDasharray={series.p99.dash} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        <Line yAxisId="pct" dataKey="pWaitPct" name="requests waiting (%)" stroke={series.pWait.color} strokeDasharray={series.pWait.dash} strokeWidth={2} dot={false} isAnimationActive={false} />
        {inView(formulaSize) ? (
          <ReferenceLine
            yAxisId="ms"
            x={formulaSize}
            stroke={series.formula.color}
            strokeDasharray={series.formula.dash}
            strokeWidth={1.5}
            label={{ value: sameSize ? `formula = target ${formulaSize}` : `formula ${formulaSize}`, position: labels.formula, fontSize: 11, fill: 'var(--ink)' }}
          />
        ) : null}
        {targetSize !== null && !sameSize && inView(targetSize) ? (
          <ReferenceLine
            yAxisId="ms"
            x={targetSize}
            stroke={series.target.color}
            strokeDasharray={series.target.dash}
            strokeWidth={1.5}
            label={{ value: `target ${targetSize}`, position: labels.target, fontSize: 11, fill: 'var(--ink)' }}
          />
        ) : null}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
