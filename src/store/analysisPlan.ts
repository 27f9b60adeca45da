/**
 * Which pools the page's sweeps and comparison simulate. Pure functions of the scenario (and, for
 * the size sweep, of the target search's answer).
 */
import { computeFormula, probeRequests, probeScenario, withPool, withRequests, type Scenario, type TargetRecommendation } from '../core/index.ts';

/**
 * Requests per probe of the first, coarse pass of the target search and the size sweep: about a
 * tenth of the work, so their first answer lands with the other figures; the full pass then refines
 * it in place, starting the search from the coarse answer.
 */
export const COARSE_REQUESTS = 10_000;

/** The scenario the coarse pass probes, or null when the probes are no larger than that anyway. */
export function coarseOf(s: Scenario): Scenario | null {
  return probeRequests(s) > COARSE_REQUESTS ? withRequests(s, COARSE_REQUESTS) : null;
}

/** Requests per run of the layout comparison: it reads each class's p99, so the smaller class needs a tail of its own. */
export const LAYOUT_REQUESTS = 40_000;
/**
 * Requests per point of the keep-alive sweep: it reads a reuse rate, a proportion, whose 95 %
 * interval at 9,000 measured requests is within ±1 point (1.96 × √(0.25 / 9,000) = 0.010).
 */
export const KEEPALIVE_REQUESTS = 10_000;
export const KEEPALIVE_VALUES = [5, 15, 30, 60, 120, 300];

/**
 * Sizes around the formula's answer, plus the target's own size and the search's probes that fall
 * among them: each point is the probe of that size (probeScenario), so those points are runs the
 * search has already made, and the point at the target's size is the target's own run.
 */
export function sweepSizes(s: Scenario, recommendation: TargetRecommendation | null = null): number[] {
  const formula = computeFormula(s);
  const centre = Math.max(2, formula.maxConnections);
  // Eight sizes from half to two and a half times the formula's: each is a full probe, and the
  // search's own probes add the detail around the target.
  const factors = [0.5, 0.7, 0.85, 1, 1.2, 1.5, 2, 2.5];
  const sizes = new Set(factors.map((f) => Math.max(1, Math.round(centre * f))));
  const lowest = Math.min(...sizes);
  const highest = Math.max(...sizes);
  if (recommendation) {
    for (const [size] of recommendation.probes) if (size >= lowest && size <= highest) sizes.add(size);
    if (recommendation.met) sizes.add(recommendation.maxConnections);
  }
  return [...sizes].filter((n) => n <= 100_000).sort((a, b) => a - b);
}

export function sweepScenarios(s: Scenario, sizes: number[]): Scenario[] {
  return sizes.map((n) => probeScenario(s, n));
}

export function keepaliveScenarios(s: Scenario): Scenario[] {
  const base = withRequests(s, Math.min(s.sim.requests, KEEPALIVE_REQUESTS));
  return KEEPALIVE_VALUES.map((keepaliveSec) => withPool(base, { keepaliveSec }));
}

/**
 * The two layouts to compare. A scenario with split pools is compared with everything in one pool
 * of their combined size; a shared pool carrying streams and short calls is compared with the
 * streams moved to a pool of their own, each sized by the formula. Null when there is nothing to split.
 */
export function poolLayouts(s: Scenario): { shared: Scenario; split: Scenario } | null {
  const base = withRequests(s, Math.min(s.sim.requests, LAYOUT_REQUESTS));
  if (s.pools.length > 0) {
    const total = [s.pool, ...s.pools].reduce((sum, p) => sum + p.maxConnections, 0);
    const shared: Scenario = {
      ...base,
      pools: [],
      pool: { ...base.pool, maxConnections: total, maxKeepalive: Math.min(total, [s.pool, ...s.pools].reduce((sum, p) => sum + p.maxKeepalive, 0)) },
      workload: { ...base.workload, classes: base.workload.classes.map(({ pool: _pool, ...c }) => c) },
    };
    return { shared, split: base };
  }
  const streaming = s.workload.classes.some((c) => c.streaming);
  const batch = s.workload.classes.some((c) => !c.streaming);
  if (!streaming || !batch) return null;
  const name = s.pool.name === 'streaming' ? 'streams' : 'streaming';
  const split: Scenario = {
    ...base,
    pools: [{ ...base.pool, name }],
    workload: { ...base.workload, classes: base.workload.classes.map((c) => (c.streaming ? { ...c, pool: name } : c)) },
  };
  // Give each pool its share of the same total, by the formula's split of the load.
  const sizes = computeFormula(split).pools;
  const total = s.pool.maxConnections;
  const load = sizes.reduce((sum, p) => sum + p.inFlight, 0) || 1;
  const first = Math.max(1, Math.round((total * (sizes[0]?.inFlight ?? 0)) / load));
  const second = Math.max(1, total - first);
  split.pool = { ...split.pool, maxConnections: first, maxKeepalive: Math.min(first, split.pool.maxKeepalive) };
  split.pools = [{ ...split.pools[0]!, maxConnections: second, maxKeepalive: Math.min(second, split.pools[0]!.maxKeepalive) }];
  return { shared: base, split };
}
