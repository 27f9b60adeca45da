/**
 * Chart data derived from the simulation results. Charts read these and never compute the model;
 * each selector memoises on the result objects it reads, so re-renders reuse the same arrays.
 */
import {
  columnFigures,
  compareDifferences,
  findClient,
  formulaProposal,
  poolVerdicts,
  proposalStamp,
  scenarioWarnings,
  targetProposal,
  type ClientFacts,
  type ColumnDifference,
  type ColumnFigures,
  type Proposal,
  type Scenario,
  type ScenarioWarning,
  type SimResult,
  type TargetRecommendation,
  type Verdict,
} from '../core/index.ts';
import type { AppState } from './index.ts';

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

const verdictsOf = memo((input: { scenario: AppState['scenario']; result: SimResult | null }): Verdict[] =>
  input.result ? poolVerdicts(input.scenario, input.result) : [],
);
let verdictInput: { scenario: AppState['scenario']; result: SimResult | null } | null = null;
/** Verdicts on the simulated pool, judged against the user's target; recomputed only when either changes. */
export const selectMonitor = (s: AppState): Verdict[] => {
  if (!verdictInput || verdictInput.scenario !== s.scenario || verdictInput.result !== s.simResult) verdictInput = { scenario: s.scenario, result: s.simResult };
  return verdictsOf(verdictInput);
};

const stampOf = memo(proposalStamp);
/** The current inputs' stamp, computed once per scenario (it serialises the scenario). */
export const selectProposalStamp = (s: AppState): string => stampOf(s.scenario);

/** Where the target search stands for the current inputs. */
export const selectTargetStatus = (s: AppState): 'searching' | 'met' | 'unmet' =>
  s.targetRecommendation === null || s.targetStamp !== selectProposalStamp(s) ? 'searching' : s.targetRecommendation.met ? 'met' : 'unmet';

const formulaProposalOf = memo(formulaProposal);
export const selectFormulaProposal = (s: AppState): Proposal => formulaProposalOf(s.scenario);

let targetKey: [TargetRecommendation | null, string | null, Scenario] | null = null;
let targetValue: Proposal | null = null;
/** The target-based proposal, only while it belongs to the current inputs (else null: it cannot be applied). */
export const selectTargetProposal = (s: AppState): Proposal | null => {
  if (!targetKey || targetKey[0] !== s.targetRecommendation || targetKey[1] !== s.targetStamp || targetKey[2] !== s.scenario) {
    targetKey = [s.targetRecommendation, s.targetStamp, s.scenario];
    const stale = !s.targetRecommendation || s.targetStamp !== selectProposalStamp(s);
    targetValue = stale ? null : targetProposal(s.scenario, s.targetRecommendation!);
  }
  return targetValue;
};

export interface CompareColumn {
  key: 'today' | 'yours' | 'recommended';
  label: string;
  figures: ColumnFigures | null;
}

export interface CompareView {
  client: ClientFacts | null;
  columns: CompareColumn[];
  differences: ColumnDifference[];
}

let compareKey: unknown[] = [];
let compareValue: CompareView | null = null;
/** Three columns on the same traffic, and the sentences that say what differs; memoised on its inputs. */
export const selectCompare = (s: AppState): CompareView => {
  const key = [s.scenario, s.simResult, s.todayResult, s.recommendedResult, s.targetRecommendation, s.targetStamp];
  if (compareValue && key.every((k, i) => k === compareKey[i])) return compareValue;
  compareKey = key;
  const client = findClient(s.scenario.client) ?? null;
  const proposal = selectTargetProposal(s) ?? selectFormulaProposal(s);
  const columns: CompareColumn[] = [
    ...(client ? [{ key: 'today' as const, label: `${client.label} defaults`, figures: s.todayResult ? columnFigures(s.todayResult) : null }] : []),
    { key: 'yours', label: 'Your pool', figures: s.simResult ? columnFigures(s.simResult) : null },
    { key: 'recommended', label: proposal.source === 'target' ? 'Recommended (meets your target)' : 'Recommended (formula)', figures: s.recommendedResult ? columnFigures(s.recommendedResult) : null },
  ];
  const differences =
    client && s.todayResult && s.simResult && s.recommendedResult
      ? compareDifferences(s.scenario, client, { today: s.todayResult, yours: s.simResult, recommended: s.recommendedResult }, proposal.pools[0]!)
      : [];
  compareValue = { client, columns, differences };
  return compareValue;
};
