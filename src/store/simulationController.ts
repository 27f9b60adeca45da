/**
 * Keeps the simulation results in step with the scenario: after each change (lightly debounced) it
 * cancels every run still going for the old scenario and starts the new ones, so only the newest
 * results are ever drawn. Failures keep the last good results on screen beside the message.
 *
 * Order matters on two cores: the run of the user's own pool is queued first, so its answer lands
 * first; the client-defaults column, the target search, the recommended column and the sweeps fill
 * in after it. Runs whose inputs did not change (the target search does not depend on the pool
 * sizes it searches) are not repeated.
 */
import {
  applyProposal,
  findClient,
  formulaProposal,
  proposalStamp,
  targetProposal,
  scenarioKey,
  withClientDefaults,
  type Scenario,
  type SimResult,
} from '../core/index.ts';
import { isAbortError, SimulationClient } from '../worker/client.ts';
import { KEEPALIVE_VALUES, SWEEP_REQUESTS, keepaliveScenarios, poolLayouts, sweepScenarios, sweepSizes } from './analysisPlan.ts';
import { useAppStore, type AppState } from './index.ts';

const DEBOUNCE_MS = 60;

export function startSimulationSync(client = new SimulationClient()): () => void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Input keys of the last completed runs that do not depend on every field. */
  const done: { today?: string; recommended?: string } = {};

  const runAll = (scenario: Scenario) => {
    controller?.abort();
    const abort = new AbortController();
    controller = abort;
    const { signal } = abort;
    const runId = useAppStore.getState().simRunId + 1;
    /**
     * Everything this run resets is published in one update at the end of this function, not in
     * eight: every update re-runs every subscribed selector, and each field subscribes several times.
     */
    const reset: Partial<AppState> = { simRunId: runId, simStatus: 'running', simProgress: 0, simError: null };
    let pendingAnalyses = 0;
    let published = false;
    const current = () => !signal.aborted && useAppStore.getState().simRunId === runId;
    const jobs: Promise<unknown>[] = [];
    /** Counts a run as pending until it settles; its failure surfaces once, through settleAll. */
    const track = (job: Promise<unknown>): void => {
      if (published) useAppStore.setState((s) => ({ pendingAnalyses: s.pendingAnalyses + 1 }));
      else pendingAnalyses += 1;
      const settle = () => current() && useAppStore.setState((s) => ({ pendingAnalyses: Math.max(0, s.pendingAnalyses - 1) }));
      job.then(settle, settle);
      jobs.push(job);
    };

    const main = client
      .simulate(scenario, { signal, onProgress: (simProgress) => current() && useAppStore.setState({ simProgress }) })
      .then((simResult) => current() && useAppStore.setState({ simResult, simResultRunId: runId }));
    jobs.push(main);

    const facts = findClient(scenario.client);
    if (facts) {
      const todayScenario = withClientDefaults(scenario, facts);
      const key = scenarioKey(todayScenario);
      if (done.today !== key || !useAppStore.getState().todayResult) {
        track(
          client.simulate(todayScenario, { signal }).then((todayResult) => {
            if (!current()) return;
            done.today = key;
            useAppStore.setState({ todayResult });
          }),
        );
      }
    } else if (useAppStore.getState().todayResult) {
      done.today = undefined;
      reset.todayResult = null;
    }

    const stamp = proposalStamp(scenario);
    const state = useAppStore.getState();
    const runRecommended = (source: 'formula' | 'target', recommended: Scenario) => {
      const key = `${source}:${scenarioKey(recommended)}`;
      if (done.recommended === key && useAppStore.getState().recommendedResult) return;
      track(
        client.simulate(recommended, { signal }).then((recommendedResult: SimResult) => {
          if (!current()) return;
          done.recommended = key;
          useAppStore.setState({ recommendedResult, recommendedFrom: { source, stamp } });
        }),
      );
    };
    const applyBest = (s: Scenario, recommendation: typeof state.targetRecommendation) => {
      const proposal = (recommendation && targetProposal(s, recommendation)) ?? formulaProposal(s);
      runRecommended(proposal.source, applyProposal(s, proposal));
    };
    if (state.targetStamp === stamp && state.targetRecommendation) {
      applyBest(scenario, state.targetRecommendation);
    } else {
      reset.targetRecommendation = null;
      reset.targetStamp = null;
      track(
        client.recommend(scenario, { signal }).then((targetRecommendation) => {
          if (!current()) return;
          useAppStore.setState({ targetRecommendation, targetStamp: stamp });
          applyBest(scenario, targetRecommendation);
        }),
      );
    }

    const sizes = sweepSizes(scenario);
    track(
      client.sweep(sweepScenarios(scenario, sizes), { signal }).then((results) => {
        if (!current()) return;
        useAppStore.setState({
          sweep: results.map((r, i) => ({ maxConnections: sizes[i]!, p50: r.queueWaitMs.p50, p99: r.queueWaitMs.p99, pWait: r.pWait })),
          sweepRequests: Math.min(scenario.sim.requests, SWEEP_REQUESTS),
        });
      }),
    );

    track(
      client.sweep(keepaliveScenarios(scenario), { signal }).then((results) => {
        if (current()) useAppStore.setState({ keepaliveSweep: results.map((r, i) => ({ keepaliveSec: KEEPALIVE_VALUES[i]!, reuseRate: r.reuseRate })) });
      }),
    );

    const layouts = poolLayouts(scenario);
    if (layouts) {
      track(
        client.sweep([layouts.shared, layouts.split], { signal }).then(([shared, split]) => {
          if (!current() || !shared || !split) return;
          useAppStore.setState({
            poolComparison: shared.classes.map((c, i) => ({ className: c.name, shared: c.queueWaitMs.p99, split: split.classes[i]?.queueWaitMs.p99 ?? 0 })),
          });
        }),
      );
    } else {
      reset.poolComparison = null;
    }
    useAppStore.setState({ ...reset, pendingAnalyses });
    published = true;

    // Later jobs (the recommended column) join `jobs` while earlier ones settle; wait for all of them.
    const settleAll = async (): Promise<void> => {
      let seen = 0;
      while (seen < jobs.length) {
        const batch = jobs.slice(seen);
        seen = jobs.length;
        await Promise.all(batch);
      }
    };
    settleAll().then(
      () => current() && useAppStore.setState({ simStatus: 'done', simProgress: 1, pendingAnalyses: 0 }),
      (error: unknown) => {
        if (isAbortError(error) || !current()) return;
        abort.abort(); // stop the sibling runs of a failed batch
        useAppStore.setState({ simStatus: 'error', simError: error instanceof Error ? error.message : String(error), pendingAnalyses: 0 });
      },
    );
  };

  const schedule = (scenario: Scenario) => {
    clearTimeout(timer);
    // Stale runs stop at once, so their workers are replaced while the debounce runs out.
    controller?.abort();
    timer = setTimeout(() => runAll(scenario), DEBOUNCE_MS);
  };

  runAll(useAppStore.getState().scenario);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (state.scenario !== previous.scenario) schedule(state.scenario);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
    controller?.abort();
    client.dispose();
  };
}
