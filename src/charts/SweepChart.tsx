import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useAppStore } from '../store/index.ts';
import { selectSweepRows } from '../store/simSelectors.ts';
import { selectFormula } from '../store/selectors.ts';
import { ChartCard, axisStyle, colors } from './ChartCard.tsx';

export function SweepChart() {
  const rows = useAppStore(selectSweepRows);
  const formulaSize = useAppStore((s) => selectFormula(s).maxConnections);
  const targetSize = useAppStore((s) => s.targetRecommendation?.maxConnections ?? null);
  const data = rows.map((r) => ({ ...r, pWaitPct: r.pWait * 100 }));
  return (
    <ChartCard
      id="sweep"
      title="Queue wait against pool size"
      caption="Read the knee: below it requests queue for seconds; past it extra connections buy nothing. Dashed lines mark the formula’s and the target’s answers."
      ready={data.length > 0}
    >
      <ResponsiveContainer width="100%" height={260}>
        <ComposedChart data={data} margin={{ top: 10, right: 10, bottom: 20, left: 10 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="maxConnections" type="number" domain={['dataMin', 'dataMax']} tick={axisStyle} label={{ value: 'maxConnections (connections)', position: 'insideBottom', offset: -12, ...axisStyle }} />
          <YAxis yAxisId="ms" tick={axisStyle} label={{ value: 'queue wait (ms)', angle: -90, position: 'insideLeft', ...axisStyle }} />
          <YAxis yAxisId="pct" orientation="right" domain={[0, 100]} tick={axisStyle} label={{ value: 'P(wait) (%)', angle: 90, position: 'insideRight', ...axisStyle }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(1) : String(v))} />
          <Legend verticalAlign="top" height={28} />
          <Line yAxisId="ms" dataKey="p50" name="p50 wait (ms)" stroke={colors.p50} dot={false} isAnimationActive={false} />
          <Line yAxisId="ms" dataKey="p99" name="p99 wait (ms)" stroke={colors.p99} dot={false} isAnimationActive={false} />
          <Line yAxisId="pct" dataKey="pWaitPct" name="P(wait) (%)" stroke={colors.pWait} strokeDasharray="4 2" dot={false} isAnimationActive={false} />
          <ReferenceLine yAxisId="ms" x={formulaSize} stroke="#444" strokeDasharray="6 3" label={{ value: `formula ${formulaSize}`, position: 'top', fontSize: 11 }} />
          {targetSize !== null ? (
            <ReferenceLine yAxisId="ms" x={targetSize} stroke={colors.idle} strokeDasharray="6 3" label={{ value: `target ${targetSize}`, position: 'insideTopRight', fontSize: 11 }} />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
