import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, type Scenario } from '../../../src/core/index.ts';
import { SimulationClient } from '../../../src/worker/client.ts';
import type { WorkerJob, WorkerReply } from '../../../src/worker/protocol.ts';

const parsed = parseScenario({ version: 1, sim: { requests: 200 } });
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const base: Scenario = parsed.scenario;
const sized = (n: number): Scenario => ({ ...base, pool: { ...base.pool, maxConnections: n, maxKeepalive: Math.min(n, base.pool.maxKeepalive) } });

/** One worker stand-in that replies a moment later, recording the pool size of each job it ran, in order. */
function recordingWorker(ran: number[]) {
  return () => {
    const worker = {
      onmessage: null as ((event: MessageEvent<WorkerReply>) => void) | null,
      onerror: null,
      terminate() {},
      postMessage(job: WorkerJob) {
        ran.push(job.scenario.pool.maxConnections);
        const result = simulate(job.scenario);
        setTimeout(() => worker.onmessage?.({ data: { id: job.id, kind: 'simulated', result } } as MessageEvent<WorkerReply>), 1);
      },
    };
    return worker as unknown as Worker;
  };
}

describe('the worker queue', () => {
  it('should run a chain of searching probes ahead of sweep points queued at a lower priority', async () => {
    const ran: number[] = [];
    const client = new SimulationClient(1, recordingWorker(ran));
    // The search submits each probe when the previous one lands, as driveSearchAsync does.
    const search = (async () => {
      for (const n of [1, 2, 3, 4]) await client.simulate(sized(n), { priority: 4 });
    })();
    const sweep = Promise.all([101, 102, 103].map((n) => client.simulate(sized(n), { priority: 5 })));
    await Promise.all([search, sweep]);
    expect(ran).toEqual([1, 2, 3, 4, 101, 102, 103]);
  });

  it('should run equal priorities in the order they were asked for', async () => {
    const ran: number[] = [];
    const client = new SimulationClient(1, recordingWorker(ran));
    await Promise.all([7, 5, 9].map((n) => client.simulate(sized(n), { priority: 1 })).concat(client.simulate(sized(2), { priority: 0 })));
    expect(ran).toEqual([7, 2, 5, 9]);
  });
});
