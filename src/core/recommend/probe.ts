/**
 * The one pool builder of the target search and the size sweep. A probe at size n is the scenario a
 * target proposal of n connections writes (applyProposal: the kept-warm share, the proposed
 * keep-alive, the per-tenant cap and the formula's sizes for the other pools), simulated with the
 * probe's request count. So the sweep's point at a size and the search's probe at that size are the
 * same run (computed once where runs are cached by key), and an applied recommendation shows the
 * very numbers that chose it.
 */
import { applyProposal, probesFor, proposalStamp, type Proposal } from '../proposals.ts';
import type { Scenario } from '../scenario/schema.ts';
import { keptWarm, proposedKeepaliveSec } from '../formula.ts';
import { withRequests } from '../sim/overrides.ts';
import { scenarioKey } from '../scenario/key.ts';

/**
 * Requests per probe at most. Up to this many, a probe is exactly the run of the pool it proposes
 * (same requests, same seed).
 */
export const PROBE_REQUESTS = 200_000;

export function probeRequests(s: Scenario): number {
  return Math.min(s.sim.requests, PROBE_REQUESTS);
}

/**
 * What a target proposal of `size` connections writes: the main pool's size, its kept-warm share,
 * the proposed keep-alive and, behind a NAT that forgets idle flows, TCP keep-alive probes; the per-tenant cap stays the user's (within the size) and the other pools
 * stay as they are. The target is judged over every request, so the probe must run with the very
 * pools the proposal leaves in place: proposing the formula's sizes for the other pools (as before
 * issue 19) applied pools that had never been simulated (the batch preset's target of 56 met p99 ≤
 * 100 ms beside your 40-connection streaming pool, but the formula's 33 beside it miss it).
 */
export function proposalAtSize(s: Scenario, size: number): Proposal {
  const pools = [s.pool, ...s.pools];
  return {
    source: 'target',
    stamp: proposalStamp(s),
    pools: pools.map((p, i) =>
      i === 0
        ? {
            name: p.name,
            maxConnections: size,
            maxKeepalive: keptWarm(s, size),
            keepaliveSec: proposedKeepaliveSec(s, p),
            ...probesFor(s, p),
            ...(p.perTenantMaxConnections !== undefined ? { perTenantMaxConnections: Math.min(p.perTenantMaxConnections, size) } : {}),
          }
        : { name: p.name, maxConnections: p.maxConnections, maxKeepalive: p.maxKeepalive, keepaliveSec: p.keepaliveSec, ...(p.perTenantMaxConnections !== undefined ? { perTenantMaxConnections: p.perTenantMaxConnections } : {}) },
    ),
  };
}

export function probeScenario(s: Scenario, size: number): Scenario {
  return withRequests(applyProposal(s, proposalAtSize(s, size)), probeRequests(s));
}

/** Equal for two scenarios exactly when their probes at every size are equal (what the search and the sweep depend on). */
export function probeKey(s: Scenario): string {
  return scenarioKey(probeScenario(s, 1));
}
