/**
 * The page's analyses, in the order their runs are queued (PRIORITY decides the workers' order).
 * Each is a small function of the scenario and the shared runs; tests/unit/store/analyses.test.ts
 * runs each one alone.
 */
import {
  applyProposal,
  bestProposal,
  findClient,
  probeKey,
  probeRequests,
  proposalStamp,
  scenarioKey,
  withClientDefaults,
} from '../../core/index.ts';
import { KEEPALIVE_VALUES, keepaliveScenarios, poolLayouts, sweepScenarios, sweepSizes } from '../analysisPlan.ts';
import { PRIORITY, type Analysis } from './types.ts';

/** The user's own pool, exactly as entered. Published on every edit (a repeat is a cached run), stamped with the edit. */
export const yours: Analysis = {
  name: 'yours',
  main: true,
  key: (s) => scenarioKey(s),
  shown: () => false,
  compute: async (s, ctx) => ({ simResult: await ctx.run(s, { priority: PRIORITY.yours, onProgress: ctx.onProgress }), simResultRunId: ctx.runId }),
  cleared: {},
};

/** The same traffic with the chosen client's defaults ("today"); nothing without a client. */
export const today: Analysis = {
  name: 'today',
  key: (s) => {
    const facts = findClient(s.client);
    return facts ? scenarioKey(withClientDefaults(s, facts)) : null;
  },
  shown: (state) => state.todayResult !== null,
  compute: async (s, ctx) => ({ todayResult: await ctx.run(withClientDefaults(s, findClient(s.client)!), { priority: PRIORITY.today }) }),
  cleared: { todayResult: null },
};

/** The smallest pool meeting the target: every probe is a pool a proposal would write. */
export const target: Analysis = {
  name: 'target',
  key: (s) => probeKey(s),
  shown: (state) => state.targetRecommendation !== null,
  compute: async (s, ctx) => ({ targetRecommendation: await ctx.target(), targetStamp: proposalStamp(s) }),
  cleared: { targetRecommendation: null, targetStamp: null },
};

/** The proposal put forward (the target's, else the formula's), simulated: the target's last probe when the target was met. */
export const recommended: Analysis = {
  name: 'recommended',
  key: (s) => probeKey(s),
  shown: (state) => state.recommendedResult !== null,
  compute: async (s, ctx) => {
    const proposal = bestProposal(s, await ctx.target());
    const recommendedResult = await ctx.run(applyProposal(s, proposal), { priority: PRIORITY.target });
    return { recommendedResult, recommendedFrom: { source: proposal.source, stamp: proposal.stamp } };
  },
  cleared: { recommendedResult: null, recommendedFrom: null },
};

/** Queue wait against pool size: the probes of the target search, at sizes around the formula's answer. */
export const sizeSweep: Analysis = {
  name: 'sizeSweep',
  key: (s) => probeKey(s),
  shown: (state) => state.sweep !== null,
  compute: async (s, ctx) => {
    // Sizes known before the search starts run alongside it; the search's own sizes are cached runs.
    const early = sweepSizes(s);
    const earlyRuns = sweepScenarios(s, early).map((p) => ctx.run(p, { priority: PRIORITY.sweep }));
    const sizes = sweepSizes(s, await ctx.target());
    const scenarios = sweepScenarios(s, sizes);
    const results = await Promise.all([...earlyRuns, ...scenarios.map((p) => ctx.run(p, { priority: PRIORITY.sweep }))]);
    const bySize = results.slice(early.length);
    return {
      sweep: bySize.map((r, i) => ({ maxConnections: sizes[i]!, p50: r.queueWaitMs.p50, p99: r.queueWaitMs.p99, pWait: r.pWait })),
      sweepRequests: probeRequests(s),
    };
  },
  cleared: { sweep: null },
};

/** Reuse against keep-alive for the user's pool. */
export const keepaliveSweep: Analysis = {
  name: 'keepaliveSweep',
  key: (s) => scenarioKey(keepaliveScenarios(s)[0]!),
  shown: (state) => state.keepaliveSweep !== null,
  compute: async (s, ctx) => {
    const results = await Promise.all(keepaliveScenarios(s).map((k) => ctx.run(k, { priority: PRIORITY.background })));
    return { keepaliveSweep: results.map((r, i) => ({ keepaliveSec: KEEPALIVE_VALUES[i]!, reuseRate: r.reuseRate })) };
  },
  cleared: { keepaliveSweep: null },
};

/** One shared pool against streams and short calls in pools of their own. */
export const layouts: Analysis = {
  name: 'layouts',
  key: (s) => {
    const l = poolLayouts(s);
    return l ? `${scenarioKey(l.shared)}|${scenarioKey(l.split)}` : null;
  },
  shown: (state) => state.poolComparison !== null,
  compute: async (s, ctx) => {
    const { shared, split } = poolLayouts(s)!;
    const [a, b] = await Promise.all([ctx.run(shared, { priority: PRIORITY.background }), ctx.run(split, { priority: PRIORITY.background })]);
    return { poolComparison: a.classes.map((c, i) => ({ className: c.name, shared: c.queueWaitMs.p99, split: b.classes[i]?.queueWaitMs.p99 ?? 0 })) };
  },
  cleared: { poolComparison: null },
};

export const ANALYSES: readonly Analysis[] = [yours, today, target, recommended, sizeSweep, keepaliveSweep, layouts];

