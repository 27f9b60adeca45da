/**
 * What the page says about the simulated pool: warnings, verdicts, proposals and the three-column
 * comparison. Each selector memoises on the store objects it reads, so re-renders and progress
 * ticks reuse the same values.
 */
import { KEEPALIVE_REQUESTS, LAYOUT_REQUESTS } from './analysisPlan.ts';
import {
  columnFigures,
  compareDifferences,
  findClient,
  formatNumber,
  plural,
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
import { memo } from './memo.ts';

const warningsOf = memo(scenarioWarnings);
export const selectWarnings = (s: AppState): ScenarioWarning[] => warningsOf(s.scenario);

const verdictsOf = memo((scenario: Scenario, result: SimResult | null): Verdict[] => (result ? poolVerdicts(scenario, result) : []));
/** Verdicts on the simulated pool, judged against the user's target; recomputed only when either changes. */
export const selectMonitor = (s: AppState): Verdict[] => verdictsOf(s.scenario, s.simResult);

const stampOf = memo(proposalStamp);
/** The current inputs' stamp, computed once per scenario (it serialises the scenario). */
export const selectProposalStamp = (s: AppState): string => stampOf(s.scenario);

/** Where the target search stands for the current inputs. */
export const selectTargetStatus = (s: AppState): 'searching' | 'met' | 'unmet' =>
  s.targetRecommendation === null || s.targetStamp !== selectProposalStamp(s) ? 'searching' : s.targetRecommendation.met ? 'met' : 'unmet';

const formulaProposalOf = memo(formulaProposal);
export const selectFormulaProposal = (s: AppState): Proposal => formulaProposalOf(s.scenario);

const targetProposalOf = memo((scenario: Scenario, recommendation: TargetRecommendation | null, stamp: string | null): Proposal | null =>
  recommendation && stamp === stampOf(scenario) ? targetProposal(scenario, recommendation) : null,
);
/** The target-based proposal, only while it belongs to the current inputs (else null: it cannot be applied). */
export const selectTargetProposal = (s: AppState): Proposal | null => targetProposalOf(s.scenario, s.targetRecommendation, s.targetStamp);

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

const compareOf = memo(
  (scenario: Scenario, proposal: Proposal, yours: SimResult | null, today: SimResult | null, recommended: SimResult | null): CompareView => {
    const client = findClient(scenario.client) ?? null;
    const columns: CompareColumn[] = [
      ...(client ? [{ key: 'today' as const, label: `${client.label} defaults`, figures: today ? columnFigures(today) : null }] : []),
      { key: 'yours', label: 'Your pool', figures: yours ? columnFigures(yours) : null },
      { key: 'recommended', label: proposal.source === 'target' ? 'Recommended (meets your target)' : 'Recommended (formula)', figures: recommended ? columnFigures(recommended) : null },
    ];
    const differences =
      client && today && yours && recommended ? compareDifferences(scenario, client, { today, yours, recommended }, proposal.pools[0]!) : [];
    return { client, columns, differences };
  },
);
/** Three columns on the same traffic, and the sentences that say what differs; memoised on its inputs. */
export const selectCompare = (s: AppState): CompareView =>
  compareOf(s.scenario, selectTargetProposal(s) ?? selectFormulaProposal(s), s.simResult, s.todayResult, s.recommendedResult);

/**
 * How many requests the figures rest on: the run of your pool, and the other analyses once the
 * sweeps have landed (until then there is no sweep size to state). Null before the first result.
 * The size sweep's points are the target search's probes, so they share its request count.
 */
export function runSizeSentence(measuredRequests: number, perRun: { search: number; layouts: number; keepalive: number }): string | null {
  if (measuredRequests <= 0) return null;
  const measured = `${plural(measuredRequests, 'request')} measured after warm-up`;
  if (perRun.search <= 0) return `${measured}.`;
  const n = (x: number) => formatNumber(x, 0);
  return `${measured}; per run, the target search and the size sweep use ${n(perRun.search)} requests, the layout comparison ${n(perRun.layouts)} and the keep-alive sweep ${n(perRun.keepalive)}.`;
}

export const selectRunSizeSentence = (s: AppState): string | null =>
  runSizeSentence(s.simResult?.requests ?? 0, {
    search: s.sweepRequests,
    layouts: Math.min(s.scenario.sim.requests, LAYOUT_REQUESTS),
    keepalive: Math.min(s.scenario.sim.requests, KEEPALIVE_REQUESTS),
  });
