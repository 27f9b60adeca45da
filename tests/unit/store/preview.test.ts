import { beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario, proposalStamp, recommendForTarget, simulate, withRequests } from '../../../src/core/index.ts';
import { selectSweepView } from '../../../src/store/chartSelectors.ts';
import { useAppStore } from '../../../src/store/index.ts';
import { selectCompare, selectTargetPreview, selectTargetProposal } from '../../../src/store/simSelectors.ts';

describe('the coarse first answer on the page', () => {
  beforeEach(() =>
    useAppStore.setState({ scenario: defaultScenario(), targetRecommendation: null, targetStamp: null, targetPreview: null, sweep: null, sweepRequests: 0, recommendedResult: null, recommendedFrom: null }),
  );

  it('should show the coarse proposal while the full search refines it, and never offer it to apply', () => {
    const s = useAppStore.getState().scenario;
    const coarse = recommendForTarget(withRequests(s, 10_000));
    useAppStore.setState({ targetPreview: { recommendation: coarse, stamp: proposalStamp(s), requests: 10_000 } });
    const preview = selectTargetPreview(useAppStore.getState())!;
    expect(preview.proposal!.pools[0]!.maxConnections).toBe(coarse.maxConnections);
    expect(preview).toMatchObject({ requests: 10_000, fullRequests: 100_000 });
    expect(selectTargetProposal(useAppStore.getState())).toBeNull();

    useAppStore.setState({ targetRecommendation: recommendForTarget(s), targetStamp: proposalStamp(s), targetPreview: null });
    expect(selectTargetPreview(useAppStore.getState())).toBeNull();
    expect(selectTargetProposal(useAppStore.getState())).not.toBeNull();
  });

  it('should not show a preview computed for other inputs', () => {
    const s = useAppStore.getState().scenario;
    const other = { ...s, workload: { ...s.workload, arrival: { kind: 'users' as const, users: 300, thinkSec: 30, thinkDist: 'exponential' as const } } };
    useAppStore.setState({ targetPreview: { recommendation: recommendForTarget(withRequests(other, 10_000)), stamp: proposalStamp(other), requests: 10_000 } });
    expect(selectTargetPreview(useAppStore.getState())).toBeNull();
  });

  it('should say in the sweep’s reading that a coarse curve is being refined', () => {
    const sweep = [10, 20, 30, 40].map((n) => ({ maxConnections: n, p50: 0, p99: n < 30 ? 1000 / n : 0, pWait: n < 30 ? 0.1 : 0 }));
    useAppStore.setState({ sweep, sweepRequests: 10_000 });
    expect(selectSweepView(useAppStore.getState()).reading).toMatch(/First pass, from 10,000 simulated requests per size; refining with 100,000\.$/);
    useAppStore.setState({ sweep: [...sweep], sweepRequests: 100_000 });
    expect(selectSweepView(useAppStore.getState()).reading).not.toMatch(/First pass/);
  });

  it('should show in the recommended column only the run of a proposal made for the current inputs, and say when it is a first pass', () => {
    const s = useAppStore.getState().scenario;
    const coarse = recommendForTarget(withRequests(s, 10_000));
    const run = simulate(withRequests(s, 2_000));
    useAppStore.setState({ simResult: run, recommendedResult: run, recommendedFrom: { source: 'target', stamp: 'inputs of an earlier edit', requests: 100_000 } });
    const recommendedColumn = () => selectCompare(useAppStore.getState()).columns.find((c) => c.key === 'recommended')!;
    expect(recommendedColumn().figures).toBeNull();

    useAppStore.setState({ targetPreview: { recommendation: coarse, stamp: proposalStamp(s), requests: 10_000 }, recommendedFrom: { source: 'target', stamp: proposalStamp(s), requests: 10_000 } });
    expect(recommendedColumn()).toMatchObject({ label: 'Recommended (meets your target), first pass of 10,000 requests' });
    expect(recommendedColumn().figures).not.toBeNull();

    useAppStore.setState({ targetRecommendation: recommendForTarget(s), targetStamp: proposalStamp(s), targetPreview: null, recommendedFrom: { source: 'target', stamp: proposalStamp(s), requests: 100_000 } });
    expect(recommendedColumn().label).toBe('Recommended (meets your target)');
  });
});
