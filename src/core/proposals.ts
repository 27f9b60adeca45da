/**
 * Proposals: pool sizes computed from the scenario (by the formula, or by the target search) and
 * shown beside the user's own pool. The scenario's pools are the one configuration that is
 * simulated, judged, shared and exported; a proposal changes it only when it is applied.
 *
 * A proposal is stamped with the inputs it was computed from: the scenario minus the very fields a
 * proposal writes. Editing anything else makes it stale, and a stale proposal cannot be applied or
 * exported; applying it leaves its stamp current, so it then reads as "applied".
 */
import { computeFormula } from './formula.ts';
import { proposedTcpKeepaliveSec } from './path/path.ts';
import type { TargetRecommendation } from './recommend/target.ts';
import { proposalAtSize } from './recommend/probe.ts';
import { LIMITS, type PoolSettings, type Scenario } from './scenario/schema.ts';
import { scenarioKey } from './scenario/key.ts';

export type ProposalSource = 'formula' | 'target';

export interface PoolProposal {
  name: string;
  maxConnections: number;
  maxKeepalive: number;
  keepaliveSec: number;
  /** Set only for pools split by tenant. */
  perTenantMaxConnections?: number;
  /** Set only behind a hop that forgets idle flows, when the client can send TCP keep-alive probes (path/path.ts). */
  tcpKeepaliveSec?: number;
}

export interface Proposal {
  source: ProposalSource;
  /** One entry per pool, main pool first, in the scenario's order. */
  pools: PoolProposal[];
  /** proposalStamp() of the scenario it was computed for. */
  stamp: string;
}

type ProposedField = 'maxConnections' | 'maxKeepalive' | 'keepaliveSec' | 'perTenantMaxConnections' | 'tcpKeepaliveSec';

function withoutProposedFields(pool: PoolSettings): Omit<PoolSettings, ProposedField> {
  const { maxConnections: _c, maxKeepalive: _k, keepaliveSec: _s, perTenantMaxConnections: _t, tcpKeepaliveSec: _p, ...rest } = pool;
  return rest;
}

/** The TCP keep-alive a proposal writes for this pool, as a spreadable part of it. */
export function probesFor(s: Scenario, pool: PoolSettings): { tcpKeepaliveSec?: number } {
  const probe = proposedTcpKeepaliveSec(s, pool);
  return probe === undefined ? {} : { tcpKeepaliveSec: probe };
}

/** What a proposal depends on: everything but the fields it writes (and the preset label). */
export function proposalStamp(s: Scenario): string {
  const { preset: _preset, pool, pools, ...rest } = s;
  return scenarioKey({ ...rest, pool: withoutProposedFields(pool), pools: pools.map(withoutProposedFields) });
}

export function isCurrent(proposal: Proposal | null | undefined, s: Scenario): proposal is Proposal {
  return !!proposal && proposal.stamp === proposalStamp(s);
}

export function formulaProposal(s: Scenario): Proposal {
  const formula = computeFormula(s);
  const settings = [s.pool, ...s.pools];
  return {
    source: 'formula',
    stamp: proposalStamp(s),
    pools: settings.map((p, i) => {
      const sized = formula.pools[i] ?? formula;
      return {
        name: p.name,
        maxConnections: sized.maxConnections,
        maxKeepalive: sized.maxKeepalive,
        keepaliveSec: sized.keepaliveSec,
        ...probesFor(s, p),
        ...(sized.perTenantMaxConnections !== null ? { perTenantMaxConnections: sized.perTenantMaxConnections } : {}),
      };
    }),
  };
}

/**
 * The target search sizes the main pool; the other pools stay as they are (the target is judged
 * over all requests, and the search varies one pool at a time). Its probes are this very proposal
 * at each size (recommend/probe.ts).
 */
export function targetProposal(s: Scenario, recommendation: TargetRecommendation): Proposal | null {
  return recommendation.met ? proposalAtSize(s, recommendation.maxConnections) : null;
}

/** The proposal the page and the CLI put forward: the target's when it was met, else the formula's. */
export function bestProposal(s: Scenario, recommendation: TargetRecommendation | null | undefined): Proposal {
  return (recommendation && targetProposal(s, recommendation)) ?? formulaProposal(s);
}

function applyToPool(pool: PoolSettings, p: PoolProposal | undefined): PoolSettings {
  if (!p) return pool;
  const maxConnections = Math.min(LIMITS.connections, Math.max(1, p.maxConnections));
  const next: PoolSettings = {
    ...pool,
    maxConnections,
    maxKeepalive: Math.min(maxConnections, Math.max(0, p.maxKeepalive)),
    keepaliveSec: Math.min(LIMITS.keepaliveSec, Math.max(0, p.keepaliveSec)),
  };
  if (p.tcpKeepaliveSec !== undefined) next.tcpKeepaliveSec = p.tcpKeepaliveSec;
  if (p.perTenantMaxConnections !== undefined) next.perTenantMaxConnections = Math.min(maxConnections, p.perTenantMaxConnections);
  else if (next.perTenantMaxConnections !== undefined) next.perTenantMaxConnections = Math.min(maxConnections, next.perTenantMaxConnections);
  return next;
}

/** The scenario with every number of the proposal written into its pools. */
export function applyProposal(s: Scenario, proposal: Proposal): Scenario {
  return {
    ...s,
    pool: applyToPool(s.pool, proposal.pools[0]),
    pools: s.pools.map((pool, i) => applyToPool(pool, proposal.pools[i + 1])),
  };
}

/** Whether the scenario's pools already hold exactly this proposal's numbers. */
export function isApplied(proposal: Proposal, s: Scenario): boolean {
  return [s.pool, ...s.pools].every((pool, i) => {
    const p = proposal.pools[i];
    return (
      !!p &&
      pool.maxConnections === p.maxConnections &&
      pool.maxKeepalive === p.maxKeepalive &&
      pool.keepaliveSec === p.keepaliveSec &&
      (p.perTenantMaxConnections === undefined || pool.perTenantMaxConnections === p.perTenantMaxConnections) &&
      (p.tcpKeepaliveSec === undefined || pool.tcpKeepaliveSec === p.tcpKeepaliveSec)
    );
  });
}
