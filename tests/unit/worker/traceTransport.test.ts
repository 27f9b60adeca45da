import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario, simulate, type Scenario, type SimResult } from '../../../src/core/index.ts';
import { SimulationClient } from '../../../src/worker/client.ts';
import type { WorkerJob, WorkerReply } from '../../../src/worker/protocol.ts';
import { packScenario, TraceCache } from '../../../src/worker/traceTransport.ts';

function traceScenario(rows: [number, number][]): Scenario {
  const parsed = parseScenario({ version: 1, workload: { arrival: { kind: 'trace', rows } }, sim: { requests: 2_000, seed: 3 } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

const rows = (n: number): [number, number][] => Array.from({ length: n }, (_, i) => [i * 0.37, 1 + ((i * 7) % 11) / 4]);

/**
 * Worker stand-ins: each job is structured-cloned as postMessage would, then run as sim.worker.ts runs
 * it, with a trace cache of its own per worker. `hold` keeps replies back until released.
 */
function fakeWorkers(posted: WorkerJob[], options: { hold?: boolean } = {}) {
  const held: (() => void)[] = [];
  const create = () => {
    const traces = new TraceCache();
    const worker = {
      onmessage: null as ((event: MessageEvent<WorkerReply>) => void) | null,
      onerror: null,
      terminate() {},
      postMessage(job: WorkerJob) {
        const received = structuredClone(job);
        posted.push(received);
        const result: SimResult = simulate(traces.restore(received.scenario, received.trace));
        const reply = () => worker.onmessage?.({ data: { id: received.id, kind: 'simulated', result } } as MessageEvent<WorkerReply>);
        if (options.hold) held.push(reply);
        else queueMicrotask(reply);
      },
    };
    return worker as unknown as Worker;
  };
  let created = 0;
  const counted = () => {
    created++;
    return create();
  };
  return { create: counted, created: () => created, releaseAll: () => held.splice(0).forEach((reply) => reply()) };
}

describe('trace transport across the worker boundary', () => {
  it('should give back the very scenario it packed', () => {
    const scenario = traceScenario(rows(500));
    const { scenario: posted, trace } = packScenario(scenario);
    expect(trace?.values).toBeInstanceOf(Float64Array);
    expect(posted.workload.arrival).toMatchObject({ kind: 'trace', rows: [] });
    expect(new TraceCache().restore(posted, trace)).toEqual(scenario);
  });

  it('should leave a scenario without a trace as it is', () => {
    const scenario = defaultScenario();
    expect(packScenario(scenario)).toEqual({ scenario });
    expect(new TraceCache().restore(scenario, undefined)).toBe(scenario);
  });

  it('should pack a trace once, however many runs share it', () => {
    const scenario = traceScenario(rows(100));
    const sweep = { ...scenario, pool: { ...scenario.pool, maxConnections: 3 } };
    expect(packScenario(sweep).trace).toBe(packScenario(scenario).trace);
    expect(packScenario(traceScenario(rows(100))).trace?.id).not.toBe(packScenario(scenario).trace?.id);
  });

  it('should refuse a trace it was never sent rather than run without it', () => {
    const { scenario, trace } = packScenario(traceScenario(rows(10)));
    expect(() => new TraceCache().restore(scenario, { id: trace!.id })).toThrow(/never sent/);
  });

  it('should send a trace to a worker once and simulate exactly the scenario it was given', async () => {
    const posted: WorkerJob[] = [];
    const client = new SimulationClient(1, fakeWorkers(posted).create);
    const scenario = traceScenario(rows(800));
    const results = await client.sweep([scenario, { ...scenario, pool: { ...scenario.pool, maxConnections: 4 } }, scenario]);
    expect(posted.map((job) => job.trace?.values?.length)).toEqual([1_600, undefined, undefined]);
    expect(posted.every((job) => job.scenario.workload.arrival.kind === 'trace' && job.scenario.workload.arrival.rows.length === 0)).toBe(true);
    expect(results[0]!.latencyMs).toEqual(simulate(scenario).latencyMs);
    expect(results[2]!.latencyMs).toEqual(results[0]!.latencyMs);
    expect(results[0]!.requests).toBeGreaterThan(0);
  });

  it('should send the trace again to the worker that replaces a cancelled one', async () => {
    const posted: WorkerJob[] = [];
    const workers = fakeWorkers(posted, { hold: true });
    const client = new SimulationClient(1, workers.create);
    const scenario = traceScenario(rows(300));
    const stale = new AbortController();
    const cancelled = client.simulate(scenario, { signal: stale.signal }).catch((e: unknown) => e);
    stale.abort();
    expect(await cancelled).toMatchObject({ name: 'AbortError' });
    const fresh = client.simulate(scenario);
    workers.releaseAll();
    expect((await fresh).requests).toBeGreaterThan(0);
    expect(posted.map((job) => job.trace?.values !== undefined)).toEqual([true, true]);
  });

  it('should start none of a cancelled batch: one replacement worker, and the trace sent to it with the next run', async () => {
    const posted: WorkerJob[] = [];
    const workers = fakeWorkers(posted, { hold: true });
    const client = new SimulationClient(1, workers.create);
    const scenario = traceScenario(rows(200));
    const stale = new AbortController();
    const batch = client.sweep([1, 2, 3, 4, 5].map((n) => ({ ...scenario, pool: { ...scenario.pool, maxConnections: n } })), { signal: stale.signal }).catch((e: unknown) => e);
    expect(posted).toHaveLength(1);
    stale.abort();
    expect(await batch).toMatchObject({ name: 'AbortError' });
    expect(posted).toHaveLength(1);
    expect(workers.created()).toBe(2);
    const fresh = client.simulate(scenario);
    workers.releaseAll();
    await fresh;
    expect(posted.map((job) => job.trace?.values !== undefined)).toEqual([true, true]);
  });
});
