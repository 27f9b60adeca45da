import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, scenarioKey, simulate, type Scenario } from '../../../src/core/index.ts';
import { useAppStore } from '../../../src/store/index.ts';
import { startSimulationSync } from '../../../src/store/simulationController.ts';
import type { SimulationClient } from '../../../src/worker/client.ts';

const parsed = parseScenario({
  version: 1,
  client: 'httpx2',
  workload: {
    arrival: { kind: 'poisson', perSec: 4 },
    classes: [
      { name: 'chat', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 2 } },
      { name: 'short', share: 1, streaming: false, duration: { dist: 'exponential', meanSec: 0.2 } },
    ],
  },
  pool: { maxConnections: 9, maxKeepalive: 4, keepaliveSec: 30 },
  target: { metric: 'p99QueueWaitMs', value: 200 },
  sim: { requests: 2_000, seed: 7 },
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const small: Scenario = parsed.scenario;

/** A client that simulates in this thread and records every run it is asked for. */
function fakeClient() {
  const asked: string[] = [];
  const client = {
    simulate: async (s: Scenario, options: { signal?: AbortSignal } = {}) => {
      await new Promise((r) => setTimeout(r, 0));
      if (options.signal?.aborted) throw new DOMException('The run was cancelled', 'AbortError');
      asked.push(scenarioKey(s));
      return simulate(s);
    },
    dispose: () => {},
  };
  return { asked, client: client as unknown as SimulationClient };
}

/** Resolves once a run after `afterRunId` has finished every analysis. */
const settled = (afterRunId = 0) =>
  new Promise<void>((resolve) => {
    const check = () => {
      const s = useAppStore.getState();
      if (s.simRunId > afterRunId && s.simStatus === 'done' && s.simResultRunId === s.simRunId) {
        unsubscribe();
        resolve();
      }
    };
    const unsubscribe = useAppStore.subscribe(check);
    check();
  });

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('the simulation controller', () => {
  it('should publish every analysis, then redo only what an edit of the pool size touches', async () => {
    useAppStore.getState().replaceScenario(small);
    const { asked, client } = fakeClient();
    stop = startSimulationSync(client);
    await settled();
    const first = useAppStore.getState();
    expect(first.simResult).not.toBeNull();
    expect(first.todayResult).not.toBeNull();
    expect(first.targetRecommendation?.met).toBe(true);
    expect(first.recommendedResult).not.toBeNull();
    expect(first.sweep!.length).toBeGreaterThan(5);
    expect(first.keepaliveSweep).toHaveLength(6);
    expect(first.poolComparison).toHaveLength(2);
    expect(new Set(asked).size).toBe(asked.length); // no run twice

    const before = asked.length;
    useAppStore.getState().editNumber('pool.maxConnections', '11');
    await settled(first.simRunId);
    const second = useAppStore.getState();
    // Your pool, the keep-alive sweep and the split layout; the search, the size sweep and today are
    // kept. At 2,000 requests the shared layout and the sweep's 30 s point are your pool's own run.
    expect(asked.length - before).toBe(1 + 5 + 1);
    expect(second.simResult!.pools[0]!.maxConnections).toBe(11);
    expect(second.sweep).toBe(first.sweep);
    expect(second.targetRecommendation).toBe(first.targetRecommendation);
    expect(second.todayResult).toBe(first.todayResult);
  });

  it('should draw only the newest edit’s results when edits come faster than the runs', async () => {
    useAppStore.getState().replaceScenario(small);
    const { client } = fakeClient();
    stop = startSimulationSync(client);
    const start = useAppStore.getState().simRunId;
    for (const users of ['2', '3', '5']) useAppStore.getState().editNumber('workload.arrival.perSec', users);
    await settled(start);
    const state = useAppStore.getState();
    const rate = (state.scenario.workload.arrival as { perSec: number }).perSec;
    expect(rate).toBe(5);
    expect(state.simResult).toEqual(simulate(state.scenario));
  });

  it('should answer every analysis coarsely before the full search and sweep refine theirs', async () => {
    useAppStore.getState().replaceScenario({ ...small, sim: { ...small.sim, requests: 30_000 } });
    const { client } = fakeClient();
    const seen: { unanswered: number; pending: number; preview: boolean; sweepRequests: number }[] = [];
    const unsubscribe = useAppStore.subscribe((s) => seen.push({ unanswered: s.unansweredAnalyses, pending: s.pendingAnalyses, preview: s.targetPreview !== null, sweepRequests: s.sweepRequests }));
    stop = startSimulationSync(client);
    await settled();
    unsubscribe();
    // A moment when every analysis had a figure on screen while some were still refining it.
    expect(seen.some((x) => x.unanswered === 0 && x.pending > 0 && x.preview && x.sweepRequests === 10_000)).toBe(true);
    const end = useAppStore.getState();
    expect(end).toMatchObject({ unansweredAnalyses: 0, targetPreview: null, sweepRequests: 30_000 });
  });
});
