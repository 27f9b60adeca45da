import type { Scenario, SimResult, TargetRecommendation } from '../core/index.ts';

/** Messages between the page and a simulation worker. One job at a time per worker. */
export type WorkerJob =
  | { id: number; kind: 'simulate'; scenario: Scenario; maxEvents: number }
  | { id: number; kind: 'recommend'; scenario: Scenario };

export type WorkerReply =
  | { id: number; kind: 'progress'; fraction: number }
  | { id: number; kind: 'simulated'; result: SimResult }
  | { id: number; kind: 'recommended'; recommendation: TargetRecommendation }
  | { id: number; kind: 'failed'; message: string };
