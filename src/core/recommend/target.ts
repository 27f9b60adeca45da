/**
 * The smallest pool that meets the user's target, found by simulation. The formula sizes a pool to
 * the mean load; queueing depends on the variability around it, which only a simulation (or exact
 * theory for the simplest cases) captures.
 */
import { formatNumber } from '../format.ts';
import { computeFormula } from '../formula.ts';
import type { Scenario, Target } from '../scenario/schema.ts';
import { simulate } from '../sim/engine.ts';
import type { SimOptions, SimResult } from '../sim/types.ts';
import { estimatedSize } from './estimate.ts';
import { probeScenario, proposalAtSize } from './probe.ts';

export interface TargetRecommendation {
  maxConnections: number;
  maxKeepalive: number;
  keepaliveSec: number;
  /** Whether the search found a size meeting the target within the search bound. */
  met: boolean;
  /** The simulated figure the target is about, at the recommended size. */
  achieved: number;
  /** Plain-language comparison with the formula's answer. */
  explanation: string;
  /** Sizes tried, for transparency: [maxConnections, achieved]. */
  probes: [number, number][];
}

export function targetValue(result: SimResult, target: Target): number {
  return target.metric === 'pWait' ? result.pWait : result.queueWaitMs.p99;
}

export function meetsTarget(result: SimResult, target: Target): boolean {
  return targetValue(result, target) <= target.value + 1e-12;
}

export function describeTarget(target: Target): string {
  return target.metric === 'pWait'
    ? `P(wait) ≤ ${Number((target.value * 100).toPrecision(3))} %`
    : `p99 queue wait ≤ ${Number(target.value.toPrecision(4))} ms`;
}

/** Runs one probe; the search asks for them one at a time, in order. */
export type ProbeRunner = (probe: Scenario) => SimResult;

/**
 * The search as a sequence of probes: it yields the scenario of each size it needs and receives its
 * result, so the CLI and the worker drive it with `simulate` while the page drives it through its
 * run cache (shared with the size sweep, whose points are the same probes).
 *
 * It starts from `start`: by default the closed-form estimate where theory describes the pool
 * (estimate.ts); the page passes the answer of a first, coarse search. Without one it starts from
 * the formula's size.
 */
export function* targetSearch(scenario: Scenario, start: number | null = estimatedSize(scenario)): Generator<Scenario, TargetRecommendation, SimResult> {
  const formula = computeFormula(scenario);
  const target = scenario.target;
  const probes: [number, number][] = [];
  const cache = new Map<number, SimResult>();
  function* run(size: number): Generator<Scenario, SimResult, SimResult> {
    let result = cache.get(size);
    if (!result) {
      result = yield probeScenario(scenario, size);
      cache.set(size, result);
      probes.push([size, targetValue(result, target)]);
    }
    return result;
  }

  // Past tenants × per-tenant cap the global cap never binds: larger pools run identically.
  const pool = scenario.pool;
  const tenantBound = pool.tenants > 1 && pool.perTenantMaxConnections !== undefined ? pool.tenants * pool.perTenantMaxConnections : Infinity;
  const limit = Math.min(100_000, Math.max(formula.maxConnections * 16, 64), tenantBound);
  const estimate = start;
  let high: number;
  let low = 0;
  let met: boolean;
  if (estimate !== null && estimate <= limit) {
    // From the closed-form estimate: step away from it, doubling the step, until the answer is
    // bracketed, then bisect. An exact estimate costs two probes (it, and one fewer).
    if (meetsTarget(yield* run(estimate), target)) {
      high = estimate;
      let step = 1;
      low = Math.max(0, estimate - step);
      while (low > 0 && meetsTarget(yield* run(low), target)) {
        high = low;
        step *= 2;
        low = Math.max(0, high - step);
      }
      met = true;
    } else {
      low = estimate;
      high = Math.min(limit, estimate + 1);
      // Past the first step the size doubles, as from the formula's size: an unreachable target
      // reaches the bound in a few probes.
      while (!meetsTarget(yield* run(high), target) && high < limit) {
        low = high;
        high = Math.min(limit, high * 2);
      }
      met = meetsTarget(yield* run(high), target);
    }
  } else {
    // Bracket: double from the formula's pool size (or 1) until the target holds.
    high = Math.max(1, formula.poolSize);
    while (!meetsTarget(yield* run(high), target) && high < limit) high = Math.min(limit, high * 2);
    met = meetsTarget(yield* run(high), target);
    if (met) {
      low = Math.max(0, Math.floor(high / 2));
      if (low > 0 && meetsTarget(yield* run(low), target)) {
        high = low;
        low = 0;
      }
    }
  }
  if (met) {
    // The smallest size meeting the target lies in (low, high].
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (mid > 0 && meetsTarget(yield* run(mid), target)) high = mid;
      else low = mid;
    }
  }
  const size = high;
  const achieved = targetValue(yield* run(size), target);
  const proposal = proposalAtSize(scenario, size).pools[0]!;
  return {
    maxConnections: size,
    maxKeepalive: proposal.maxKeepalive,
    keepaliveSec: proposal.keepaliveSec,
    met,
    achieved,
    explanation: explain(scenario, formula.maxConnections, size, met),
    probes: probes.sort((a, b) => a[0] - b[0]),
  };
}

export function recommendForTarget(scenario: Scenario, options: Pick<SimOptions, 'shouldStop'> = {}): TargetRecommendation {
  const runOptions = options.shouldStop ? { shouldStop: options.shouldStop } : {};
  return driveSearch(scenario, (probe) => simulate(probe, runOptions));
}

export function driveSearch(scenario: Scenario, runProbe: ProbeRunner): TargetRecommendation {
  const search = targetSearch(scenario);
  let step = search.next();
  while (!step.done) step = search.next(runProbe(step.value));
  return step.value;
}

/** The same search with probes run elsewhere (the page's workers), one after another. */
export async function driveSearchAsync(scenario: Scenario, runProbe: (probe: Scenario) => Promise<SimResult>, start?: number | null): Promise<TargetRecommendation> {
  const search = start === undefined ? targetSearch(scenario) : targetSearch(scenario, start);
  let step = search.next();
  while (!step.done) step = search.next(await runProbe(step.value));
  return step.value;
}

export function explain(scenario: Scenario, formulaSize: number, size: number, met: boolean): string {
  const goal = describeTarget(scenario.target);
  if (!met) {
    const pool = scenario.pool;
    if (pool.tenants > 1 && pool.perTenantMaxConnections !== undefined && pool.perTenantMaxConnections < pool.maxConnections) {
      return `No pool up to ${size} connections meets ${goal}: each tenant is capped at ${pool.perTenantMaxConnections} connections, and a larger global cap cannot lift that; raise the per-tenant max.`;
    }
    return `No pool up to ${size} connections meets ${goal}: the load is more than the searched sizes can carry; check the request rate and response times.`;
  }
  const kind = scenario.workload.arrival.kind;
  const headroom = `${formatNumber(scenario.sizing.headroom * 100, 1)} %`;
  if (size > formulaSize) {
    const why =
      kind === 'users'
        ? `users’ requests still bunch up at random, and the formula’s ${headroom} headroom over the mean does not absorb the peaks`
        : kind === 'poisson' || kind === 'bursty'
          ? 'an open stream of requests keeps arriving while the pool is busy, so it queues far more than the same mean load from users who wait for each reply'
          : 'the trace has peaks well above its mean';
    return `Simulation needs ${size} connections to meet ${goal}, ${size - formulaSize} more than the formula’s ${formulaSize}: ${why}.`;
  }
  if (size < formulaSize) {
    const why =
      kind === 'users'
        ? 'a user who is waiting for a reply sends nothing, so closed users load the pool less than the formula’s peak × response ÷ interval assumes'
        : 'the target tolerates some queueing, and random arrivals rarely use every connection at once';
    return `Simulation meets ${goal} with ${size} connections, ${formulaSize - size} fewer than the formula’s ${formulaSize}: ${why}.`;
  }
  return `Simulation agrees with the formula: ${size} connections meet ${goal}.`;
}
