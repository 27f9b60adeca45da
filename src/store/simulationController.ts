/**
 * Keeps the simulation results in step with the scenario: after each change (lightly debounced) it
 * cancels every run still going for the old scenario and starts the new ones, so only the newest
 * results are ever drawn. Failures keep the last good results on screen beside the message.
 */
import type { Scenario } from '../core/index.ts';
import { isAbortError, SimulationClient } from '../worker/client.ts';
import { KEEPALIVE_VALUES, SWEEP_REQUESTS, keepaliveScenarios, poolLayouts, sweepScenarios, sweepSizes } from './analysisPlan.ts';
import { useAppStore } from './index.ts';

const DEBOUNCE_MS = 120;

export function startSimulationSync(client = new SimulationClient()): () => void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const runAll = (scenario: Scenario) => {
    controller?.abort();
    const abort = new AbortController();
    controller = abort;
    const { signal } = abort;
    const runId = useAppStore.getState().simRunId + 1;
    useAppStore.setState({ simRunId: runId, simStatus: 'running', simProgress: 0, simError: null });
    const current = () => !signal.aborted && useAppStore.getState().simRunId === runId;

    const main = client
      .simulate(scenario, { signal, onProgress: (simProgress) => current() && useAppStore.setState({ simProgress }) })
      .then((simResult) => current() && useAppStore.setState({ simResult, simResultRunId: runId }));

    const sizes = sweepSizes(scenario);
    const sweep = client.sweep(sweepScenarios(scenario, sizes), { signal }).then((results) => {
      if (!current()) return;
      useAppStore.setState({
        sweep: results.map((r, i) => ({ maxConnections: sizes[i]!, p50: r.queueWaitMs.p50, p99: r.queueWaitMs.p99, pWait: r.pWait })),
        sweepRequests: Math.min(scenario.sim.requests, SWEEP_REQUESTS),
      });
    });

    const keepalive = client.sweep(keepaliveScenarios(scenario), { signal }).then((results) => {
      if (current()) useAppStore.setState({ keepaliveSweep: results.map((r, i) => ({ keepaliveSec: KEEPALIVE_VALUES[i]!, reuseRate: r.reuseRate })) });
    });

    const layouts = poolLayouts(scenario);
    const comparison = layouts
      ? client.sweep([layouts.shared, layouts.split], { signal }).then(([shared, split]) => {
          if (!current() || !shared || !split) return;
          useAppStore.setState({
            poolComparison: shared.classes.map((c, i) => ({ className: c.name, shared: c.queueWaitMs.p99, split: split.classes[i]?.queueWaitMs.p99 ?? 0 })),
          });
        })
      : Promise.resolve(current() && useAppStore.setState({ poolComparison: null }));

    const target = client.recommend(scenario, { signal }).then((targetRecommendation) => current() && useAppStore.setState({ targetRecommendation }));

    Promise.all([main, sweep, keepalive, comparison, target]).then(
      () => current() && useAppStore.setState({ simStatus: 'done', simProgress: 1 }),
      (error: unknown) => {
        if (isAbortError(error) || !current()) return;
        abort.abort(); // stop the sibling runs of a failed batch
        useAppStore.setState({ simStatus: 'error', simError: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  const schedule = (scenario: Scenario) => {
    clearTimeout(timer);
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
