import { describe, expect, it } from 'vitest';
import {
  driveSearchAsync,
  parseScenario,
  presetScenario,
  probeScenario,
  recommendForTarget,
  scenarioKey,
  simulate,
  type Scenario,
  type ScenarioInput,
  type SimResult,
  type TargetRecommendation,
} from '../../../src/core/index.ts';
import { RunCache } from '../../../src/store/analyses/runCache.ts';
import { keepaliveSweep, layouts, recommended, sizeSweep, target, today, yours } from '../../../src/store/analyses/table.ts';
import type { RunContext } from '../../../src/store/analyses/types.ts';
import { KEEPALIVE_VALUES } from '../../../src/store/analysisPlan.ts';

function scenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const parsed = parseScenario({ version: 1, ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

/** A small chat workload that queues: the search needs several probes. */
const chat = scenario({
  workload: { arrival: { kind: 'poisson', perSec: 4 }, classes: [{ name: 'chat', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 2 } }] },
  pool: { maxConnections: 9, maxKeepalive: 4, keepaliveSec: 30 },
  target: { metric: 'p99QueueWaitMs', value: 200 },
  sim: { requests: 3_000, seed: 7 },
});

/** A run context over the core simulator that records every run it was asked for (by key, first time only). */
function context(s: Scenario, runId = 1): RunContext & { simulated: string[] } {
  const abort = new AbortController();
  const simulated: string[] = [];
  const cache = new RunCache(async (x) => {
    simulated.push(scenarioKey(x));
    return simulate(x);
  });
  let search: Promise<TargetRecommendation> | undefined;
  const ctx: RunContext & { simulated: string[] } = {
    simulated,
    runId,
    onProgress: () => {},
    run: (x, options) => cache.run(x, { ...options, signal: abort.signal }),
    target: () => (search ??= driveSearchAsync(s, (probe) => cache.run(probe, { priority: 2, signal: abort.signal }))),
  };
  return ctx;
}

describe('the page’s analyses', () => {
  it('should make the size sweep’s point at the target’s size the target’s own probe', async () => {
    const ctx = context(chat);
    const { targetRecommendation } = await target.compute(chat, ctx);
    const { sweep } = await sizeSweep.compute(chat, ctx);
    const rec = targetRecommendation!;
    expect(rec.met).toBe(true);
    const point = sweep!.find((p) => p.maxConnections === rec.maxConnections)!;
    expect(point.p99).toBe(rec.achieved);
    const probe = simulate(probeScenario(chat, rec.maxConnections));
    expect(point).toEqual({ maxConnections: rec.maxConnections, p50: probe.queueWaitMs.p50, p99: probe.queueWaitMs.p99, pWait: probe.pWait });
    // Every probe the search made is a point of the sweep, run once.
    for (const [size] of rec.probes) expect(sweep!.some((p) => p.maxConnections === size)).toBe(true);
    expect(new Set(ctx.simulated).size).toBe(ctx.simulated.length);
  });

  it('should find the same target as the CLI’s synchronous search', async () => {
    const ctx = context(chat);
    const { targetRecommendation } = await target.compute(chat, ctx);
    expect(targetRecommendation).toEqual(recommendForTarget(chat));
  });

  it('should run the recommended column as the target’s last probe, with no run of its own', async () => {
    const ctx = context(chat);
    const { targetRecommendation } = await target.compute(chat, ctx);
    const before = ctx.simulated.length;
    const published = await recommended.compute(chat, ctx);
    expect(ctx.simulated.length).toBe(before);
    expect(published.recommendedFrom).toMatchObject({ source: 'target' });
    expect(published.recommendedResult!.queueWaitMs.p99).toBe(targetRecommendation!.achieved);
  });

  it('should fall back to the formula’s pool in the recommended column when no size meets the target', async () => {
    const impossible = { ...chat, target: { metric: 'pWait' as const, value: 0 }, pool: { ...chat.pool, tenants: 2, perTenantMaxConnections: 1 } };
    const ctx = context(impossible);
    const published = await recommended.compute(impossible, ctx);
    expect(published.recommendedFrom).toMatchObject({ source: 'formula' });
  });

  it('should publish your pool’s result stamped with the edit it belongs to', async () => {
    const published = await yours.compute(chat, context(chat, 42));
    expect(published.simResultRunId).toBe(42);
    expect(published.simResult).toEqual(simulate(chat));
  });

  it('should run the client’s defaults only when a client is chosen', async () => {
    expect(today.key(chat)).toBeNull();
    expect(today.cleared).toEqual({ todayResult: null });
    const withClient = { ...chat, client: 'httpx' as const };
    const published = await today.compute(withClient, context(withClient));
    // httpx's defaults: 100 connections, 20 kept idle, 5 s keep-alive.
    expect(published.todayResult!.pools[0]!.maxConnections).toBe(100);
  });

  it('should sweep the keep-alive over its six values on the user’s pool, and not depend on the user’s keep-alive', async () => {
    const published = await keepaliveSweep.compute(chat, context(chat));
    expect(published.keepaliveSweep!.map((p) => p.keepaliveSec)).toEqual(KEEPALIVE_VALUES);
    const reuse = published.keepaliveSweep!.map((p) => p.reuseRate);
    expect(reuse[reuse.length - 1]!).toBeGreaterThan(reuse[0]!);
    expect(keepaliveSweep.key({ ...chat, pool: { ...chat.pool, keepaliveSec: 99 } })).toBe(keepaliveSweep.key(chat));
    expect(keepaliveSweep.key({ ...chat, pool: { ...chat.pool, maxConnections: 10 } })).not.toBe(keepaliveSweep.key(chat));
  });

  it('should compare layouts only where streams and short calls could be split', async () => {
    expect(layouts.key(chat)).toBeNull();
    const batch = presetScenario('batch')!;
    const small = { ...batch, sim: { ...batch.sim, requests: 3_000 } };
    const published = await layouts.compute(small, context(small));
    expect(published.poolComparison!.map((r) => r.className)).toEqual(['batch', 'stream']);
  });

  it('should keep the size sweep and the target search when only the user’s pool size changes', () => {
    const edited = { ...chat, pool: { ...chat.pool, maxConnections: 12, maxKeepalive: 2 } };
    for (const analysis of [target, recommended, sizeSweep]) expect(analysis.key(edited)).toBe(analysis.key(chat));
    for (const analysis of [yours, keepaliveSweep]) expect(analysis.key(edited)).not.toBe(analysis.key(chat));
    const moreUsers = { ...chat, workload: { ...chat.workload, arrival: { kind: 'poisson' as const, perSec: 5 } } };
    for (const analysis of [target, recommended, sizeSweep]) expect(analysis.key(moreUsers)).not.toBe(analysis.key(chat));
    // The proposal keeps a keep-alive that already covers the gaps between requests: the probes follow it.
    const keepalive = { ...chat, pool: { ...chat.pool, keepaliveSec: 20 } };
    for (const analysis of [target, recommended, sizeSweep]) expect(analysis.key(keepalive)).not.toBe(analysis.key(chat));
  });
});

describe('the run cache', () => {
  const results = new Map<string, SimResult>();
  const fake = (calls: string[]) => async (s: Scenario) => {
    calls.push(scenarioKey(s));
    const key = scenarioKey(s);
    if (!results.has(key)) results.set(key, simulate(s));
    return results.get(key)!;
  };

  it('should simulate a scenario once however many ask for it', async () => {
    const calls: string[] = [];
    const cache = new RunCache(fake(calls));
    const signal = new AbortController().signal;
    const [a, b] = await Promise.all([cache.run(chat, { priority: 0, signal }), cache.run({ ...chat }, { priority: 3, signal })]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });

  it('should start again a run whose edit was cancelled before it finished, and keep one that finished', async () => {
    const calls: string[] = [];
    let release: () => void = () => {};
    const cache = new RunCache((s) => {
      calls.push(scenarioKey(s));
      return new Promise((resolve) => (release = () => resolve(simulate(s))));
    });
    const first = new AbortController();
    void cache.run(chat, { priority: 0, signal: first.signal });
    first.abort();
    const second = new AbortController();
    const again = cache.run(chat, { priority: 0, signal: second.signal });
    expect(calls).toHaveLength(2);
    release();
    await again;
    second.abort();
    await cache.run(chat, { priority: 0, signal: new AbortController().signal });
    expect(calls).toHaveLength(2);
  });

  it('should forget a run that failed', async () => {
    let fail = true;
    const cache = new RunCache(async (s) => {
      if (fail) throw new Error('boom');
      return simulate(s);
    });
    const signal = new AbortController().signal;
    await expect(cache.run(chat, { priority: 0, signal })).rejects.toThrow('boom');
    fail = false;
    await expect(cache.run(chat, { priority: 0, signal })).resolves.toBeTruthy();
  });
});
