/**
 * An analysis is one figure family of the page (your pool, the client's defaults, the target search,
 * the recommended column, the size sweep, the keep-alive sweep, the pool layouts): what it depends
 * on, the runs it needs, and the store fields it publishes. The controller runs the table after each
 * edit; runs are shared by key through the run cache, so two analyses asking for the same pool
 * simulate it once.
 */
import type { Scenario, SimResult, TargetRecommendation } from '../../core/index.ts';
import type { AppState } from '../index.ts';

/**
 * Queue order on the workers: lower first. Your pool's answer lands first; then every figure at
 * least coarsely (the client's defaults, the coarse search and sweep, the cheap sweeps); then the
 * full search and sweep refine theirs.
 */
export const PRIORITY = { yours: 0, today: 1, coarse: 2, background: 3, target: 4, sweep: 5 } as const;

export interface RunOptions {
  priority: number;
  onProgress?: (fraction: number) => void;
}

export interface RunContext {
  /** The edit these runs are for (results carry it). */
  runId: number;
  /** Progress of the run of the user's own pool, 0..1. */
  onProgress(fraction: number): void;
  /** The result of simulating `s`, shared by key with every other analysis (and earlier edits). */
  run(s: Scenario, options: RunOptions): Promise<SimResult>;
  /** The target search of this scenario, run once however many analyses need it (from the coarse answer, if any). */
  target(): Promise<TargetRecommendation>;
  /** The same search over coarse probes (analysisPlan.ts COARSE_REQUESTS); null when the probes are that small anyway. */
  coarseTarget(): Promise<TargetRecommendation> | null;
  /** Publishes a first answer before the analysis's final one (dropped if the edit is stale). */
  publish(published: Published): void;
}

export type Published = Partial<AppState>;

export interface Analysis {
  name: string;
  /** The answer for the user's own pool: not counted among the runs still going after it. */
  main?: true;
  /** What the result depends on; null when the analysis does not apply (its fields are cleared). */
  key(s: Scenario): string | null;
  /** Whether its published result is in the store (a repeat of the same key is skipped only then). */
  shown(state: AppState): boolean;
  compute(s: Scenario, ctx: RunContext): Promise<Published>;
  /** The fields to publish when the analysis does not apply. */
  cleared: Published;
}
