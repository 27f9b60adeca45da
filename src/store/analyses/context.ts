/**
 * The run context of one edit: runs through the shared cache under the edit's signal, and the
 * target search (coarse, then full from the coarse answer) computed once however many analyses
 * ask for it.
 */
import { driveSearchAsync, type Scenario, type TargetRecommendation } from '../../core/index.ts';
import { coarseOf } from '../analysisPlan.ts';
import type { RunCache } from './runCache.ts';
import { PRIORITY, type Published, type RunContext } from './types.ts';

export interface ContextHooks {
  runId: number;
  onProgress(fraction: number): void;
  publish(published: Published): void;
}

/** The coarse and the full target search of one edit, each run once however many analyses ask. */
export interface Searches {
  coarse(): Promise<TargetRecommendation> | null;
  full(): Promise<TargetRecommendation>;
}

export function createSearches(scenario: Scenario, cache: RunCache, signal: AbortSignal): Searches {
  const coarse = coarseOf(scenario);
  let coarseSearch: Promise<TargetRecommendation> | undefined;
  let search: Promise<TargetRecommendation> | undefined;
  const coarseTarget = () => (coarse ? (coarseSearch ??= driveSearchAsync(coarse, (probe) => cache.run(probe, { priority: PRIORITY.coarse, signal }))) : null);
  return {
    coarse: coarseTarget,
    full: () =>
      (search ??= (async () => {
        const first = await coarseTarget();
        return driveSearchAsync(scenario, (probe) => cache.run(probe, { priority: PRIORITY.target, signal }), first?.met ? first.maxConnections : undefined);
      })()),
  };
}

export function createRunContext(scenario: Scenario, cache: RunCache, signal: AbortSignal, hooks: ContextHooks, searches = createSearches(scenario, cache, signal)): RunContext {
  return {
    runId: hooks.runId,
    onProgress: hooks.onProgress,
    publish: hooks.publish,
    run: (s, options) => cache.run(s, { ...options, signal }),
    coarseTarget: searches.coarse,
    target: searches.full,
  };
}
