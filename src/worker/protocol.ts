import type { Scenario, SimResult } from '../core/index.ts';
import type { TraceRef } from './traceTransport.ts';

/**
 * Messages between the page and a simulation worker. One job at a time per worker. A trace scenario
 * travels without its rows, which `trace` names or carries (traceTransport.ts).
 */
export type WorkerJob = { id: number; kind: 'simulate'; scenario: Scenario; trace?: TraceRef; maxEvents: number };

export type WorkerReply =
  | { id: number; kind: 'progress'; fraction: number }
  | { id: number; kind: 'simulated'; result: SimResult }
  | { id: number; kind: 'failed'; message: string };
