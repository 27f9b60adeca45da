/**
 * Chart data derived from the simulation results. Charts read these and never compute the model;
 * each selector memoises on the result objects it reads, so re-renders reuse the same arrays.
 */
import { scenarioWarnings, type ScenarioWarning, type SimResult } from '../core/index.ts';
import type { AppState } from './index.ts';
import { selectFormula } from './selectors.ts';

function memo<A, R>(compute: (input: A) => R): (input: A) => R {
  let last: A | undefined;
  let value: R | undefined;
  let primed = false;
  return (input: A) => {
    if (!primed || input !== last) {
      last = input;
      value = compute(input);
      primed = true;
    }
    return value as R;
  };
}

export interface SeriesPoint {
  tMin: number;
  active: number;
  idle: number;
  queued: number;
}

const seriesOf = memo((result: SimResult | null): SeriesPoint[] => {
  if (!result) return [];
  const s = result.series;
  return Array.from(s.tSec, (t, i) => ({ tMin: t / 60, active: s.active[i]!, idle: s.idle[i]!, queued: s.queued[i]! }));
});
export const selectSeries = (s: AppState) => seriesOf(s.simResult);

export interface LatencyRow {
  percentile: string;
  pooled: number;
  unpooled: number;
}
const latencyOf = memo((result: SimResult | null): LatencyRow[] => {
  if (!result) return [];
  const p = result.latencyMs;
  const u = result.unpooled.latencyMs;
  return [
    { percentile: 'p50', pooled: p.p50, unpooled: u.p50 },
    { percentile: 'mean', pooled: p.mean, unpooled: u.mean },
    { percentile: 'p95', pooled: p.p95, unpooled: u.p95 },
    { percentile: 'p99', pooled: p.p99, unpooled: u.p99 },
  ];
});
export const selectLatencyRows = (s: AppState) => latencyOf(s.simResult);

// Shared empty arrays: a selector must return the same value for the same state, or React re-renders forever.
const NO_SWEEP: NonNullable<AppState['sweep']> = [];
const NO_KEEPALIVE: NonNullable<AppState['keepaliveSweep']> = [];
export const selectSweepRows = (s: AppState) => s.sweep ?? NO_SWEEP;
export const selectKeepaliveRows = (s: AppState) => s.keepaliveSweep ?? NO_KEEPALIVE;
export const selectPoolComparison = (s: AppState) => s.poolComparison;

const warningsOf = memo(scenarioWarnings);
export const selectWarnings = (s: AppState): ScenarioWarning[] => warningsOf(s.scenario);

export type Verdict = 'good' | 'watch' | 'bad';
export interface MonitorFigure {
  key: 'reuse' | 'peak' | 'wait';
  label: string;
  value: string;
  verdict: Verdict;
  advice: string;
}

const monitorOf = memo((result: SimResult | null): MonitorFigure[] => {
  if (!result) return [];
  const reuse = result.reuseRate;
  const cap = result.pools.reduce((sum, p) => sum + p.maxConnections, 0);
  const peak = result.peakActive;
  const wait = result.queueWaitMs;
  return [
    {
      key: 'reuse',
      label: 'Reuse rate',
      value: `${(reuse * 100).toFixed(1)} %`,
      verdict: reuse >= 0.85 ? 'good' : reuse >= 0.6 ? 'watch' : 'bad',
      advice:
        reuse >= 0.85
          ? 'Above the 85 % to aim for: most requests skip the handshake.'
          : 'Below 85 %: connections close before they are reused — raise keep-alive expiry or the idle connections kept.',
    },
    {
      key: 'peak',
      label: 'Peak active connections',
      value: `${peak} of ${cap}`,
      verdict: peak < cap ? 'good' : 'bad',
      advice: peak < cap ? 'Stays below the pool’s max: there is room for bursts.' : 'Reaches the pool’s max: requests queue for a connection at peaks.',
    },
    {
      key: 'wait',
      label: 'Queue wait (p99 / mean)',
      value: `${wait.p99.toFixed(0)} ms / ${wait.mean.toFixed(1)} ms`,
      verdict: wait.max <= 0 ? 'good' : wait.p99 <= 0 ? 'watch' : 'bad',
      advice:
        wait.max <= 0
          ? 'No request waited for a connection.'
          : wait.p99 <= 0
            ? 'Fewer than 1 % of requests waited: the pool is just big enough.'
            : 'Requests wait for a connection: any wait above zero means the pool is undersized.',
    },
  ];
});
export const selectMonitor = (s: AppState) => monitorOf(s.simResult);

/** The recommendation exported code follows: the formula's, or the target-based one once it exists. */
export const selectChosenSize = (s: AppState) => {
  const formula = selectFormula(s);
  if (s.recommendationSource === 'target' && s.targetRecommendation) {
    const t = s.targetRecommendation;
    return { source: 'target' as const, maxConnections: t.maxConnections, maxKeepalive: t.maxKeepalive, keepaliveSec: t.keepaliveSec };
  }
  return { source: 'formula' as const, maxConnections: formula.maxConnections, maxKeepalive: formula.maxKeepalive, keepaliveSec: formula.keepaliveSec };
};
