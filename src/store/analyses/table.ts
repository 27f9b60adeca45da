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
  withRequests,
  type SimResult,
} from '../../core/index.ts';
import { COARSE_REQUESTS, coarseOf, KEEPALIVE_VALUES, keepaliveScenarios, poolLayouts, sweepScenarios, sweepSizes } from '../analysisPlan.ts';
import type { SweepPoint } from '../simulationSlice.ts';
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

/**
 * The smallest pool meeting the target: every probe is a pool a proposal would write. A coarse
 * search answers first (a preview, never applied); the full search starts from its answer.
 */
export const target: Analysis = {
  name: 'target',
  key: (s) => probeKey(s),
  shown: (state) => state.targetRecommendation !== null,
  compute: async (s, ctx) => {
    const coarse = ctx.coarseTarget();
    if (coarse) ctx.publish({ targetPreview: { recommendation: await coarse, stamp: proposalStamp(s), requests: COARSE_REQUESTS } });
    return { targetRecommendation: await ctx.target(), targetStamp: proposalStamp(s), targetPreview: null };
  },
  cleared: { targetRecommendation: null, targetStamp: null, targetPreview: null },
};

/**
 * The proposal put forward (the target's, else the formula's), simulated: the target's last probe
 * when the target was met. While the full search runs, the coarse search's proposal at the coarse
 * request count stands in (the coarse search's own last probe).
 */
export const recommended: Analysis = {
  name: 'recommended',
  key: (s) => probeKey(s),
  shown: (state) => state.recommendedResult !== null,
  compute: async (s, ctx) => {
    const coarse = ctx.coarseTarget();
    if (coarse) {
      const first = bestProposal(s, await coarse);
      const recommendedResult = await ctx.run(withRequests(applyProposal(s, first), COARSE_REQUESTS), { priority: PRIORITY.coarse });
      ctx.publish({ recommendedResult, recommendedFrom: { source: first.source, stamp: first.stamp, requests: COARSE_REQUESTS } });
    }
    const proposal = bestProposal(s, await ctx.target());
    const recommendedResult = await ctx.run(applyProposal(s, proposal), { priority: PRIORITY.target });
    return { recommendedResult, recommendedFrom: { source: proposal.source, stamp: proposal.stamp, requests: s.sim.requests } };
  },
  cleared: { recommendedResult: null, recommendedFrom: null },
};

const points = (sizes: number[], results: SimResult[]): SweepPoint[] =>
  results.map((r, i) => ({ maxConnections: sizes[i]!, p50: r.queueWaitMs.p50, p99: r.queueWaitMs.p99, pWait: r.pWait }));

/**
 * Queue wait against pool size: the probes of the target search, at sizes around the formula's
 * answer. A coarse curve (the coarse search's probes) comes first, then the full one.
 */
export const sizeSweep: Analysis = {
  name: 'sizeSweep',
  key: (s) => probeKey(s),
  shown: (state) => state.sweep !== null,
  compute: async (s, ctx) => {
    const coarse = coarseOf(s);
    // Sizes known before the search starts run alongside it; the search's own sizes are cached runs.
    const early = sweepSizes(s);
    const earlyRuns = sweepScenarios(s, early).map((p) => ctx.run(p, { priority: PRIORITY.sweep }));
    if (coarse) {
      const sizes = sweepSizes(coarse, await ctx.coarseTarget());
      const results = await Promise.all(sweepScenarios(coarse, sizes).map((p) => ctx.run(p, { priority: PRIORITY.coarse })));
      ctx.publish({ sweep: points(sizes, results), sweepRequests: COARSE_REQUESTS });
    }
    const sizes = sweepSizes(s, await ctx.target());
    const results = await Promise.all([...earlyRuns, ...sweepScenarios(s, sizes).map((p) => ctx.run(p, { priority: PRIORITY.sweep }))]);
    return { sweep: points(sizes, results.slice(early.length)), sweepRequests: probeRequests(s) };
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

