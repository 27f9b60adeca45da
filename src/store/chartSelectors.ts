/**
 * What each chart shows, prepared from the simulation results in the store: the rows to plot, the
 * rows of its data table, and a one-line reading computed from those same numbers. Charts only
 * draw these; nothing here runs the model. Each selector memoises on the state objects it reads,
 * so progress ticks and unrelated edits return the same view (and React skips the re-render).
 */
import { probeRequests, REUSE_GOAL, type SimResult } from '../core/index.ts';
import { formatMs, formatNumber, formatPct, plural } from '../core/format.ts';
import type { AppState } from './index.ts';
import { memo } from './memo.ts';
import { selectFormula } from './selectors.ts';
import type { KeepalivePoint, PoolComparisonRow, SweepPoint } from './simulationSlice.ts';


// ---------------------------------------------------------------- queue wait against pool size

export interface SweepRow {
  maxConnections: number;
  p50: number;
  p99: number;
  pWaitPct: number;
}

export interface SweepView {
  /** Every size simulated, for the data table. */
  rows: SweepRow[];
  /** The sizes around the knee, which the plot shows. */
  plotted: SweepRow[];
  domain: [number, number];
  /** Waits spanning orders of magnitude are drawn on a symmetric log scale (0 stays 0). */
  logScale: boolean;
  waitTicks: number[] | undefined;
  formulaSize: number;
  targetSize: number | null;
  /** Largest size where requests still wait long, smallest from which no p99 wait remains. */
  kneeFrom: number | null;
  kneeTo: number | null;
  reading: string;
}

/** A p99 wait this small (ms) is "none" to a reader. */
const NO_WAIT_MS = 0.5;

function sweepView(sweep: SweepPoint[] | null, formulaSize: number, targetSize: number | null): SweepView {
  const rows = [...(sweep ?? [])]
    .sort((a, b) => a.maxConnections - b.maxConnections)
    .map((r) => ({ maxConnections: r.maxConnections, p50: r.p50, p99: r.p99, pWaitPct: r.pWait * 100 }));
  const empty: SweepView = { rows, plotted: rows, domain: [0, 1], logScale: false, waitTicks: undefined, formulaSize, targetSize, kneeFrom: null, kneeTo: null, reading: '' };
  if (rows.length === 0) return empty;

  const maxP99 = Math.max(...rows.map((r) => r.p99));
  // First size from which every larger size has no p99 wait.
  let noneIdx = rows.length;
  while (noneIdx > 0 && rows[noneIdx - 1]!.p99 <= NO_WAIT_MS) noneIdx--;
  // Last size still waiting at least half the worst p99: the top of the knee.
  let largeIdx = 0;
  rows.forEach((r, i) => {
    if (i < noneIdx && r.p99 >= maxP99 / 2) largeIdx = i;
  });
  const kneeFrom = maxP99 > NO_WAIT_MS && noneIdx > 0 ? rows[largeIdx]!.maxConnections : null;
  const kneeTo = noneIdx < rows.length ? rows[noneIdx]!.maxConnections : null;

  // Zoom: one size either side of the knee, widened to keep the formula's and target's lines in view.
  let lo = Math.max(0, (kneeFrom === null ? 0 : largeIdx) - 1);
  let hi = Math.min(rows.length - 1, (kneeTo === null ? rows.length - 1 : noneIdx) + 1);
  if (kneeFrom === null) [lo, hi] = [0, rows.length - 1];
  const first = rows[0]!.maxConnections;
  const last = rows[rows.length - 1]!.maxConnections;
  const refs = [formulaSize, targetSize].filter((n): n is number => n !== null && n >= first && n <= last);
  let from = Math.min(rows[lo]!.maxConnections, ...refs);
  let to = Math.max(rows[hi]!.maxConnections, ...refs);
  if (from === to) [from, to] = [first, last];
  const plotted = rows.filter((r) => r.maxConnections >= from && r.maxConnections <= to);

  const positive = plotted.flatMap((r) => [r.p50, r.p99]).filter((v) => v > NO_WAIT_MS);
  const span = positive.length ? Math.max(...positive) / Math.min(...positive) : 1;
  const logScale = span >= 100;
  const waitTicks = logScale ? decades(Math.max(...positive)) : undefined;

  return { rows, plotted, domain: [from, to], logScale, waitTicks, formulaSize, targetSize, kneeFrom, kneeTo, reading: sweepReading(rows, kneeFrom, kneeTo, formulaSize, targetSize) };
}

function decades(max: number): number[] {
  const ticks = [0];
  for (let t = 1; t <= max * 10 && ticks.length < 8; t *= 10) ticks.push(t);
  return ticks;
}

function sweepReading(rows: SweepRow[], kneeFrom: number | null, kneeTo: number | null, formulaSize: number, targetSize: number | null): string {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const at = (n: number) => rows.find((r) => r.maxConnections === n);
  const refs = [`the formula’s ${formulaSize}`, targetSize !== null ? `the target’s ${targetSize}` : null].filter(Boolean).join(' and ');
  if (kneeFrom === null) {
    return `No size from ${first.maxConnections} to ${plural(last.maxConnections, 'connection')} leaves a p99 queue wait: the whole range is past the knee, so ${refs} ${targetSize !== null ? 'are' : 'is'} generous.`;
  }
  const from = at(kneeFrom)!;
  if (kneeTo === null) {
    return `p99 queue wait is ${formatMs(from.p99)} at ${plural(kneeFrom, 'connection')} and still ${formatMs(last.p99)} at ${last.maxConnections}: the knee lies beyond the sizes simulated.`;
  }
  const side = (n: number) => (n >= kneeTo ? 'past the knee' : n > kneeFrom ? 'on the knee' : 'before the knee');
  const formulaSide = `the formula’s ${formulaSize} is ${side(formulaSize)}`;
  const targetSide = targetSize !== null ? `, the target’s ${targetSize} ${side(targetSize)}` : '';
  return `p99 queue wait falls from ${formatMs(from.p99)} at ${plural(kneeFrom, 'connection')} to none from ${kneeTo}; ${formulaSide}${targetSide}.`;
}

/** While the full sweep refines a coarse one, the reading says so, with the coarse pass's size. */
function withRefining(view: SweepView, sweepRequests: number, fullRequests: number): SweepView {
  if (view.rows.length === 0 || sweepRequests >= fullRequests) return view;
  return { ...view, reading: `${view.reading} First pass, from ${formatNumber(sweepRequests, 0)} simulated requests per size; refining with ${formatNumber(fullRequests, 0)}.` };
}

const sweepMemo = memo(sweepView);
const refiningMemo = memo(withRefining);
/** The target line follows the full search's answer, or the coarse one's while it refines (the curve is then coarse too). */
export const selectSweepView = (s: AppState): SweepView => {
  const preview = s.targetPreview?.recommendation;
  const target = s.targetPreview && s.sweepRequests === s.targetPreview.requests ? (preview?.met ? preview.maxConnections : null) : s.targetRecommendation?.met ? s.targetRecommendation.maxConnections : null;
  return refiningMemo(sweepMemo(s.sweep, selectFormula(s).maxConnections, target), s.sweepRequests, probeRequests(s.scenario));
};

// ---------------------------------------------------------------- connections over time

export interface SeriesRow {
  tMin: number;
  active: number;
  idle: number;
  queued: number;
}

export interface TimeSeriesView {
  rows: SeriesRow[];
  /** Every n-th sample, so the data table stays readable. */
  tableRows: SeriesRow[];
  tableStep: number;
  capacity: number;
  reading: string;
}

function timeSeriesView(result: SimResult | null): TimeSeriesView {
  if (!result) return { rows: [], tableRows: [], tableStep: 1, capacity: 0, reading: '' };
  const s = result.series;
  const rows = Array.from(s.tSec, (t, i) => ({ tMin: t / 60, active: s.active[i]!, idle: s.idle[i]!, queued: s.queued[i]! }));
  const tableStep = Math.max(1, Math.ceil(rows.length / 24));
  const tableRows = rows.filter((_, i) => i % tableStep === 0);
  const capacity = result.pools.reduce((sum, p) => sum + p.maxConnections, 0);
  const peak = rows.reduce((best, r) => (r.active > best.active ? r : best), rows[0] ?? { tMin: 0, active: 0, idle: 0, queued: 0 });
  const queuedSamples = rows.filter((r) => r.queued > 0).length;
  const peakQueued = Math.max(0, ...rows.map((r) => r.queued));
  const reading =
    queuedSamples === 0
      ? `Active connections peak at ${formatNumber(peak.active, 0)} of the pool’s ${capacity} (at ${formatNumber(peak.tMin)} min) and no request queues.`
      : `Active connections reach ${formatNumber(peak.active, 0)} of ${capacity}; requests queue in ${formatPct(queuedSamples / rows.length, 0)} of the samples, up to ${plural(Math.round(peakQueued), 'request')} at once.`;
  return { rows, tableRows, tableStep, capacity, reading };
}

const seriesMemo = memo(timeSeriesView);
export const selectTimeSeriesView = (s: AppState): TimeSeriesView => seriesMemo(s.simResult);

// ---------------------------------------------------------------- latency with and without pooling

export interface LatencyBar {
  measure: string;
  pooled: number;
  unpooled: number;
}

export interface LatencyView {
  /** Handshake and pre-send wait per request: what pooling changes, on a scale where it shows. */
  bars: LatencyBar[];
  table: { measure: string; pooled: string; unpooled: string }[];
  savedPerRequestMs: number;
  savedTotalMs: number;
  reading: string;
}

function latencyView(result: SimResult | null): LatencyView {
  if (!result || result.requests === 0) return { bars: [], table: [], savedPerRequestMs: 0, savedTotalMs: 0, reading: '' };
  const n = result.requests;
  const pooledHandshake = result.handshakeMs.total / n;
  const unpooledHandshake = result.unpooled.handshakeMs.total / n;
  // Before the first byte can come back, a request waits for a connection, then for its handshake.
  const pooledBeforeSend = result.queueWaitMs.mean + pooledHandshake;
  const unpooledBeforeSend = unpooledHandshake;
  const pooledShare = result.latencyMs.mean > 0 ? pooledHandshake / result.latencyMs.mean : 0;
  const unpooledShare = result.unpooled.latencyMs.mean > 0 ? unpooledHandshake / result.unpooled.latencyMs.mean : 0;
  const savedTotalMs = result.unpooled.savedMs;
  const savedPerRequestMs = savedTotalMs / n;
  const bars: LatencyBar[] = [
    { measure: 'handshake per request', pooled: pooledHandshake, unpooled: unpooledHandshake },
    { measure: 'added to time to first byte', pooled: pooledBeforeSend, unpooled: unpooledBeforeSend },
  ];
  const row = (measure: string, pooled: string, unpooled: string) => ({ measure, pooled, unpooled });
  const table = [
    row('Handshake per request (mean)', formatMs(pooledHandshake), formatMs(unpooledHandshake)),
    row('Handshake share of mean latency', formatPct(pooledShare), formatPct(unpooledShare)),
    row('Queue wait per request (mean)', formatMs(result.queueWaitMs.mean), '0 ms'),
    row('Added to time to first byte (queue + handshake)', formatMs(pooledBeforeSend), formatMs(unpooledBeforeSend)),
    row('New connections', formatNumber(result.newConnections, 0), formatNumber(n, 0)),
    row('Latency p50', formatMs(result.latencyMs.p50), formatMs(result.unpooled.latencyMs.p50)),
    row('Latency mean', formatMs(result.latencyMs.mean), formatMs(result.unpooled.latencyMs.mean)),
    row('Latency p99', formatMs(result.latencyMs.p99), formatMs(result.unpooled.latencyMs.p99)),
  ];
  const reading =
    savedTotalMs <= 0
      ? `Pooling saves no handshake time here: ${formatMs(unpooledHandshake)} per request either way (${formatPct(unpooledShare)} of latency).`
      : `Pooling cuts handshakes from ${formatMs(unpooledHandshake)} to ${formatMs(pooledHandshake)} per request (${formatPct(unpooledShare)} → ${formatPct(pooledShare)} of latency): ${formatMs(savedPerRequestMs)} saved per request, ${formatMs(savedTotalMs)} over ${plural(n, 'request')}.`;
  return { bars, table, savedPerRequestMs, savedTotalMs, reading };
}

const latencyMemo = memo(latencyView);
export const selectLatencyView = (s: AppState): LatencyView => latencyMemo(s.simResult);

// ---------------------------------------------------------------- reuse against keep-alive

export interface KeepaliveRow {
  keepaliveSec: number;
  reusePct: number;
}

export interface KeepaliveView {
  rows: KeepaliveRow[];
  aimPct: number;
  currentSec: number;
  reading: string;
}

/** The verdicts' reuse goal, as a percentage for the chart's aim line. */
const REUSE_AIM_PCT = REUSE_GOAL * 100;

function keepaliveView(points: KeepalivePoint[] | null, currentSec: number): KeepaliveView {
  const rows = [...(points ?? [])].sort((a, b) => a.keepaliveSec - b.keepaliveSec).map((p) => ({ keepaliveSec: p.keepaliveSec, reusePct: p.reuseRate * 100 }));
  if (rows.length === 0) return { rows, aimPct: REUSE_AIM_PCT, currentSec, reading: '' };
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const reaches = rows.find((r) => r.reusePct >= REUSE_AIM_PCT);
  const current = rows.find((r) => r.keepaliveSec === currentSec);
  const yours = current ? ` Your ${currentSec} s gives ${formatNumber(current.reusePct)} %.` : '';
  const reading = reaches
    ? `Reuse reaches the ${REUSE_AIM_PCT} % aim from ${reaches.keepaliveSec} s of keep-alive (${formatNumber(first.reusePct)} % at ${first.keepaliveSec} s, ${formatNumber(last.reusePct)} % at ${last.keepaliveSec} s).${yours}`
    : `Reuse stays below the ${REUSE_AIM_PCT} % aim from ${first.keepaliveSec} s to ${last.keepaliveSec} s (at best ${formatNumber(Math.max(...rows.map((r) => r.reusePct)))} %).${yours}`;
  return { rows, aimPct: REUSE_AIM_PCT, currentSec, reading };
}

const keepaliveMemo = memo(keepaliveView);
export const selectKeepaliveView = (s: AppState): KeepaliveView => keepaliveMemo(s.keepaliveSweep, s.scenario.pool.keepaliveSec);

// ---------------------------------------------------------------- shared against split pools

export interface PoolSplitView {
  /** Null when all requests are of one kind: there is nothing to split. */
  rows: PoolComparisonRow[] | null;
  reading: string;
}

function poolSplitView(rows: PoolComparisonRow[] | null): PoolSplitView {
  if (!rows || rows.length === 0) return { rows, reading: '' };
  const parts = rows.map((r) => `${r.className} ${formatMs(r.shared)} → ${formatMs(r.split)}`);
  const better = rows.filter((r) => r.split < r.shared).length;
  const verdict = better === rows.length ? 'separate pools shorten every class’s wait' : better === 0 ? 'separate pools shorten no class’s wait' : 'separate pools help some classes and cost others';
  return { rows, reading: `p99 queue wait, shared → separate: ${parts.join('; ')}: ${verdict}.` };
}

const splitMemo = memo(poolSplitView);
export const selectPoolSplitView = (s: AppState): PoolSplitView => splitMemo(s.poolComparison);
