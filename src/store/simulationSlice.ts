import type { StateCreator } from 'zustand';
import type { SimResult, TargetRecommendation } from '../core/index.ts';
import type { AppState } from './index.ts';

export interface SweepPoint {
  maxConnections: number;
  p50: number;
  p99: number;
  pWait: number;
}

export interface KeepalivePoint {
  keepaliveSec: number;
  reuseRate: number;
}

export interface PoolComparisonRow {
  className: string;
  shared: number;
  split: number;
}

export interface SimulationSlice {
  simStatus: 'idle' | 'running' | 'done' | 'error';
  simProgress: number;
  /** Increases with every scenario change; results carry the run they came from. */
  simRunId: number;
  simResultRunId: number;
  simError: string | null;
  simResult: SimResult | null;
  sweep: SweepPoint[] | null;
  keepaliveSweep: KeepalivePoint[] | null;
  /** Per-class p99 queue wait in one shared pool against streaming and batch in pools of their own. */
  poolComparison: PoolComparisonRow[] | null;
  targetRecommendation: TargetRecommendation | null;
  /** proposalStamp() of the scenario the target search ran on: a different stamp means it is stale. */
  targetStamp: string | null;
  /** The coarse search's answer while the full search refines it: shown, never applied. */
  targetPreview: { recommendation: TargetRecommendation; stamp: string; requests: number } | null;
  /** The same traffic with the chosen client's defaults ("today"); null without a client. */
  todayResult: SimResult | null;
  /** The same traffic with the recommendation applied. */
  recommendedResult: SimResult | null;
  /** Which proposal the recommended column ran, and for which inputs. */
  recommendedFrom: { source: 'formula' | 'target'; stamp: string; requests: number } | null;
  /** Runs still going after the main result (sweeps, target search, comparison columns). */
  pendingAnalyses: number;
  /** Of those, the ones with no figure on screen yet, not even a first, coarse one. */
  unansweredAnalyses: number;
  /** Requests simulated per sweep point (fewer than the main run, for speed). */
  sweepRequests: number;
}

export const createSimulationSlice: StateCreator<AppState, [], [], SimulationSlice> = () => ({
  simStatus: 'idle',
  simProgress: 0,
  simRunId: 0,
  simResultRunId: 0,
  simError: null,
  simResult: null,
  sweep: null,
  keepaliveSweep: null,
  poolComparison: null,
  targetRecommendation: null,
  targetStamp: null,
  targetPreview: null,
  todayResult: null,
  recommendedResult: null,
  recommendedFrom: null,
  pendingAnalyses: 0,
  unansweredAnalyses: 0,
  sweepRequests: 0,
});
