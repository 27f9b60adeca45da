/**
 * Keeps the simulation results in step with the scenario: after each change (lightly debounced) it
 * cancels every run still going for the old scenario and runs the table of analyses
 * (analyses/table.ts) for the new one, so only the newest results are ever drawn. An analysis whose
 * inputs did not change keeps its result; runs are shared by key through one run cache, so the
 * target search's probes are the size sweep's points and the recommended column's run. Failures
 * keep the last good results on screen beside the message.
 */
import type { Scenario } from '../core/index.ts';
import { isAbortError, SimulationClient } from '../worker/client.ts';
import { ANALYSES } from './analyses/table.ts';
import { RunCache } from './analyses/runCache.ts';
import { createRunContext, createSearches } from './analyses/context.ts';
import type { Analysis } from './analyses/types.ts';
import { useAppStore, type AppState } from './index.ts';

const DEBOUNCE_MS = 60;

export function startSimulationSync(client = new SimulationClient(), analyses: readonly Analysis[] = ANALYSES): () => void {
  let controller: AbortController | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cache = new RunCache((s, options) => client.simulate(s, options));
  /** The key each analysis's published result was computed for. */
  const done = new Map<string, string>();

  const runAll = (scenario: Scenario) => {
    controller?.abort();
    const abort = new AbortController();
    controller = abort;
    const { signal } = abort;
    const runId = useAppStore.getState().simRunId + 1;
    /**
     * Everything this run resets is published in one update at the end of this function, not in
     * several: every update re-runs every subscribed selector, and each field subscribes several times.
     */
    const reset: Partial<AppState> = { simRunId: runId, simStatus: 'running', simProgress: 0, simError: null };
    const current = () => !signal.aborted && useAppStore.getState().simRunId === runId;
    // The searches are shared by every analysis of this edit (each gets its own context to publish through).
    const searches = createSearches(scenario, cache, signal);

    const state = useAppStore.getState();
    const jobs: Promise<unknown>[] = [];
    let pendingAnalyses = 0;
    /** Analyses of this edit with no figure on screen yet, not even a first, coarse one. */
    const unanswered = new Set<string>();
    const answered = (name: string) => (unanswered.delete(name) ? { unansweredAnalyses: unanswered.size } : {});
    for (const analysis of analyses) {
      const key = analysis.key(scenario);
      if (key === null) {
        done.delete(analysis.name);
        Object.assign(reset, analysis.cleared);
        continue;
      }
      if (done.get(analysis.name) === key && analysis.shown(state)) continue;
      if (!analysis.main) {
        pendingAnalyses += 1;
        unanswered.add(analysis.name);
      }
      const ctx = createRunContext(scenario, cache, signal, {
        runId,
        onProgress: (simProgress) => current() && useAppStore.setState({ simProgress }),
        publish: (published) => current() && useAppStore.setState({ ...published, ...answered(analysis.name) }),
      }, searches);
      const job = analysis.compute(scenario, ctx).then((published) => {
        if (!current()) return;
        done.set(analysis.name, key);
        useAppStore.setState(analysis.main ? published : (s) => ({ ...published, ...answered(analysis.name), pendingAnalyses: Math.max(0, s.pendingAnalyses - 1) }));
      });
      jobs.push(job);
    }
    useAppStore.setState({ ...reset, pendingAnalyses, unansweredAnalyses: unanswered.size });

    Promise.all(jobs).then(
      () => current() && useAppStore.setState({ simStatus: 'done', simProgress: 1, pendingAnalyses: 0, unansweredAnalyses: 0 }),
      (error: unknown) => {
        if (isAbortError(error) || !current()) return;
        abort.abort(); // stop the sibling runs of a failed batch
        useAppStore.setState({ simStatus: 'error', simError: error instanceof Error ? error.message : String(error), pendingAnalyses: 0, unansweredAnalyses: 0 });
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
