/**
 * A pool of simulation workers behind an AbortSignal-first API (as in squoosh): every call takes a
 * signal; aborting rejects the promise with an AbortError and, if the job is running, terminates its
 * worker so a stale run stops at once. Jobs queue when all workers are busy, lowest priority number
 * first (in order of submission among equals); sweeps spread over them.
 */
import type { Scenario, SimResult } from '../core/index.ts';
import type { WorkerJob, WorkerReply } from './protocol.ts';
import { takeSimulationWorker } from './spawn.ts';
import { packScenario, type PackedTrace } from './traceTransport.ts';

/**
 * Event budget of one run in the page: about 6 million simulated requests, a few seconds of a
 * worker. Larger runs fail with a clear message pointing to the CLI, which has the full cap.
 */
export const PAGE_MAX_EVENTS = 12_000_000;

interface PendingJob {
  job: WorkerJob;
  priority: number;
  trace: PackedTrace | undefined;
  signal: AbortSignal | undefined;
  onProgress: ((fraction: number) => void) | undefined;
  resolve(result: SimResult): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker | null;
  job: PendingJob | null;
  /** The trace this slot's worker holds (traceTransport.ts). */
  traceId?: number | undefined;
}

export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}

const abortError = () => new DOMException('The run was cancelled', 'AbortError');

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Workers for a machine with `cores` logical cores: one core stays with the page. On a two-core
 * machine two busy workers left the main thread descheduled: in a trace of the first load its tasks
 * took 3–6× their CPU time in wall time.
 */
export function workerCount(cores: number | undefined): number {
  const known = Number.isFinite(cores) && cores! >= 1 ? Math.floor(cores!) : 2;
  return Math.max(1, Math.min(4, known - 1));
}

export class SimulationClient {
  private readonly slots: Slot[];
  private readonly queue: PendingJob[] = [];
  private nextId = 1;
  private pumpScheduled = false;

  constructor(
    size = workerCount(typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined),
    private readonly createWorker: () => Worker = takeSimulationWorker,
  ) {
    this.slots = Array.from({ length: size }, () => ({ worker: null, job: null }));
  }

  get size(): number {
    return this.slots.length;
  }

  simulate(scenario: Scenario, options: { signal?: AbortSignal; onProgress?: (fraction: number) => void; priority?: number } = {}): Promise<SimResult> {
    const { scenario: posted, trace } = packScenario(scenario);
    return this.submit({ id: this.nextId++, kind: 'simulate', scenario: posted, maxEvents: PAGE_MAX_EVENTS }, trace, options.signal, options.onProgress, options.priority ?? 0);
  }

  /** Many runs at once, spread over the workers; results in the order of the scenarios. */
  sweep(scenarios: Scenario[], options: { signal?: AbortSignal } = {}): Promise<SimResult[]> {
    return Promise.all(scenarios.map((s) => this.simulate(s, options)));
  }

  dispose(): void {
    for (const slot of this.slots) slot.worker?.terminate();
  }

  private submit(job: WorkerJob, trace: PackedTrace | undefined, signal: AbortSignal | undefined, onProgress: ((f: number) => void) | undefined, priority: number): Promise<SimResult> {
    return new Promise<SimResult>((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const pending: PendingJob = { job, priority, trace, signal, onProgress, resolve, reject };
      signal?.addEventListener('abort', () => this.cancel(pending), { once: true });
      const after = this.queue.findIndex((queued) => queued.priority > priority);
      this.queue.splice(after < 0 ? this.queue.length : after, 0, pending);
      this.pump();
    });
  }

  private cancel(pending: PendingJob): void {
    const queued = this.queue.indexOf(pending);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = this.slots.find((s) => s.job === pending);
    if (slot) {
      slot.worker?.terminate();
      slot.job = null;
      // A fresh worker starts loading now, so the next job (the edit that cancelled this one) finds it warm.
      slot.worker = this.spawn(slot);
    }
    pending.reject(abortError());
    this.pump();
  }

  private pump(): void {
    // One abort cancels a whole batch, job by job: a job whose signal has fired but whose own cancel
    // has not run yet must not start (it would be posted, then its fresh worker killed, once per job).
    for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.signal?.aborted) this.queue.splice(i, 1);
    for (const slot of this.slots) {
      if (slot.job || !this.queue.length) continue;
      const pending = this.queue.shift()!;
      slot.job = pending;
      const worker = (slot.worker ??= this.spawn(slot));
      const trace = pending.trace;
      if (!trace) worker.postMessage(pending.job);
      else {
        worker.postMessage({ ...pending.job, trace: slot.traceId === trace.id ? { id: trace.id } : trace });
        slot.traceId = trace.id;
      }
    }
  }

  /**
   * The next job starts once the settled job's reactions have run: a search waiting on this result
   * submits its next probe then, and takes the free worker ahead of the sweep points queued behind
   * it (started at once, a sweep point would run first and delay the search by one run per probe).
   */
  private pumpAfterReactions(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setTimeout(() => {
      this.pumpScheduled = false;
      this.pump();
    }, 0);
  }

  private spawn(slot: Slot): Worker {
    const worker = this.createWorker();
    slot.traceId = undefined;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const pending = slot.job;
      if (!pending || pending.job.id !== reply.id) return;
      if (reply.kind === 'progress') {
        pending.onProgress?.(reply.fraction);
        return;
      }
      slot.job = null;
      if (reply.kind === 'failed') pending.reject(new SimulationError(reply.message));
      else pending.resolve(reply.result);
      this.pumpAfterReactions();
    };
    worker.onerror = (event) => {
      event.preventDefault();
      const pending = slot.job;
      worker.terminate();
      slot.worker = null;
      slot.job = null;
      pending?.reject(new SimulationError(`the simulation worker crashed: ${event.message || 'unknown error'}`));
      this.pump();
    };
    return worker;
  }
}
