import { describe, expect, it } from 'vitest';
import {
  parseScenario,
  presetScenario,
  probeScenario,
  recommendForTarget,
  runKey,
  scenarioKey,
  simulate,
  type Scenario,
  type ScenarioInput,
  type SimResult,
} from '../../../src/core/index.ts';
import { RunCache } from '../../../src/store/analyses/runCache.ts';
import { keepaliveSweep, layouts, recommended, sizeSweep, target, today, yours } from '../../../src/store/analyses/table.ts';
import type { Published } from '../../../src/store/analyses/types.ts';
import { createRunContext } from '../../../src/store/analyses/context.ts';
import { COARSE_REQUESTS, coarseOf, KEEPALIVE_VALUES } from '../../../src/store/analysisPlan.ts';

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

/** A run context over the core simulator that records every run it was asked for (by key, first time only) and what was published early. */
function context(s: Scenario, runId = 1) {
  const simulated: string[] = [];
  const previews: Published[] = [];
  const cache = new RunCache(async (x) => {
    simulated.push(runKey(x));
    return simulate(x);
  });
  const ctx = createRunContext(s, cache, new AbortController().signal, { runId, onProgress: () => {}, publish: (p) => previews.push(p) });
  return Object.assign(ctx, { simulated, previews });
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

describe('the coarse first pass', () => {
  const larger = { ...chat, sim: { ...chat.sim, requests: 40_000 } };

  it('should preview the target from coarse probes, then refine it from the coarse answer', async () => {
    const ctx = context(larger);
    const published = await target.compute(larger, ctx);
    expect(ctx.previews).toHaveLength(1);
    const preview = ctx.previews[0]!.targetPreview!;
    expect(preview.requests).toBe(COARSE_REQUESTS);
    expect(preview.recommendation).toEqual(recommendForTarget(coarseOf(larger)!));
    expect(published.targetPreview).toBeNull();
    const final = published.targetRecommendation!;
    expect(final).toEqual(recommendForTarget(larger));
    // Started from the coarse answer: a bracket of two probes when the coarse answer is right, a few more when not.
    expect(final.probes.length).toBeLessThanOrEqual(4);
    expect(Math.abs(final.maxConnections - preview.recommendation.maxConnections)).toBeLessThanOrEqual(2);
  });

  it('should draw a coarse curve first, then the full one, with the target’s probe on it', async () => {
    const ctx = context(larger);
    const published = await sizeSweep.compute(larger, ctx);
    expect(ctx.previews.map((p) => p.sweepRequests)).toEqual([COARSE_REQUESTS]);
    expect(published.sweepRequests).toBe(40_000);
    const rec = await ctx.target();
    expect(published.sweep!.find((p) => p.maxConnections === rec.maxConnections)!.p99).toBe(rec.achieved);
  });

  it('should skip the coarse pass when the probes are small anyway', async () => {
    const ctx = context(chat);
    await target.compute(chat, ctx);
    await sizeSweep.compute(chat, ctx);
    expect(ctx.previews).toEqual([]);
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
