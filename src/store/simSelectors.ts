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
  middleboxes,
  formatNumber,
  plural,
  formulaProposal,
  poolVerdicts,
  proposalStamp,
  scenarioWarnings,
  probeRequests,
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
const previewProposalOf = memo((scenario: Scenario, preview: AppState['targetPreview']): { proposal: Proposal | null; requests: number; fullRequests: number; explanation: string } | null =>
  preview && preview.stamp === stampOf(scenario)
    ? { proposal: targetProposal(scenario, preview.recommendation), requests: preview.requests, fullRequests: probeRequests(scenario), explanation: preview.recommendation.explanation }
    : null,
);
/**
 * The coarse search's proposal while the full search refines it (to be shown, never applied), or
 * null once the full answer for these inputs is in.
 */
export const selectTargetPreview = (s: AppState) => (selectTargetStatus(s) === 'searching' ? previewProposalOf(s.scenario, s.targetPreview) : null);

/** The target-based proposal, only while it belongs to the current inputs (else null: it cannot be applied). */
export const selectTargetProposal = (s: AppState): Proposal | null => targetProposalOf(s.scenario, s.targetRecommendation, s.targetStamp);

export interface CompareColumn {
  key: 'today' | 'yours' | 'recommended';
  label: string;
  figures: ColumnFigures | null;
}

export interface CompareView {
  client: ClientFacts | null;
  /** The scenario has middleboxes: the table adds what the path cost each column. */
  onPath: boolean;
  columns: CompareColumn[];
  differences: ColumnDifference[];
}

const compareOf = memo(
  (scenario: Scenario, proposal: Proposal, yours: SimResult | null, today: SimResult | null, recommended: SimResult | null, coarseRequests: number | null): CompareView => {
    const client = findClient(scenario.client) ?? null;
    const source = proposal.source === 'target' ? 'Recommended (meets your target)' : 'Recommended (formula)';
    const label = coarseRequests === null ? source : `${source}, first pass of ${formatNumber(coarseRequests, 0)} requests`;
    const columns: CompareColumn[] = [
      ...(client ? [{ key: 'today' as const, label: `${client.label} defaults`, figures: today ? columnFigures(today) : null }] : []),
      { key: 'yours', label: 'Your pool', figures: yours ? columnFigures(yours) : null },
      { key: 'recommended', label, figures: recommended ? columnFigures(recommended) : null },
    ];
    const differences =
      client && today && yours && recommended ? compareDifferences(scenario, client, { today, yours, recommended }, proposal.pools[0]!) : [];
    return { client, onPath: middleboxes(scenario).length > 0, columns, differences };
  },
);
/**
 * Three columns on the same traffic, and the sentences that say what differs; memoised on its
 * inputs. The recommended column shows the run of the proposal it was computed for (recommendedFrom),
 * and only while that proposal belongs to the current inputs: until the new one lands it waits.
 */
export const selectCompare = (s: AppState): CompareView => {
  const from = s.recommendedFrom;
  const current = from !== null && from.stamp === selectProposalStamp(s);
  const coarse = current && from.requests < s.scenario.sim.requests;
  const preview = coarse && from.source === 'target' ? selectTargetPreview(s)?.proposal : null;
  const proposal = (current && from.source === 'formula' ? null : (preview ?? selectTargetProposal(s))) ?? selectFormulaProposal(s);
  return compareOf(s.scenario, proposal, s.simResult, s.todayResult, current ? s.recommendedResult : null, coarse ? from.requests : null);
};

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
