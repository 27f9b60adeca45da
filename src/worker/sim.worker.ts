/// <reference lib="webworker" />
/**
 * The simulation runs here, never on the page's main thread. Cancellation is by termination: the
 * client kills a worker whose job went stale, which stops even a run deep in its event loop.
 */
import { simulate, SimError } from '../core/index.ts';
import type { WorkerJob, WorkerReply } from './protocol.ts';
import { TraceCache } from './traceTransport.ts';

declare const self: DedicatedWorkerGlobalScope;

const traces = new TraceCache();

const post = (reply: WorkerReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

self.onmessage = (event: MessageEvent<WorkerJob>) => {
  const job = event.data;
  try {
    const scenario = traces.restore(job.scenario, job.trace);
    let lastPost = 0;
    const result = simulate(scenario, {
      maxEvents: job.maxEvents,
      onProgress: (fraction) => {
        const now = performance.now();
        if (now - lastPost > 100) {
          lastPost = now;
          post({ id: job.id, kind: 'progress', fraction });
        }
      },
    });
    const s = result.series;
    post({ id: job.id, kind: 'simulated', result }, [s.tSec.buffer, s.active.buffer, s.idle.buffer, s.queued.buffer]);
  } catch (err) {
    const message = err instanceof SimError ? err.message : `simulation failed: ${err instanceof Error ? err.message : String(err)}`;
    post({ id: job.id, kind: 'failed', message });
  }
};
