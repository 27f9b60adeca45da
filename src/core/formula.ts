/**
 * The sizing rule of thumb, shown step by step so a user can check the arithmetic:
 *
 *   in flight  = peak concurrent × mean response time ÷ mean request interval   (Little's law)
 *   poolSize   = ⌈in flight⌉
 *   maxConnections = ⌈poolSize × (1 + headroom)⌉
 *   maxKeepalive   = ⌈maxConnections × keepalive share⌉
 *
 * For closed users the "interval" is the think time, as in the article's worked example
 * (100 users × 8 s ÷ 30 s = 26.7 → 27 → 30 / 15). That slightly overstates the exact closed-system
 * mean, users × R ÷ (R + Z), which errs on the side of a larger pool; the simulator shows the truth.
 */
import { findClient } from './clients/registry.ts';
import { formatNumber, plural } from './format.ts';

import { meanResponseSec, normalisedShares } from './scenario/durations.ts';
import type { PoolSettings, Scenario } from './scenario/schema.ts';
import { firstIdleLimit, hopName, proposedTcpKeepaliveSec, tcpKeepaliveSec } from './path/path.ts';

export interface FormulaStep {
  key: string;
  label: string;
  /** The arithmetic with the user's numbers, e.g. "100 users × 8 s ÷ 30 s". */
  expression: string;
  value: number;
  unit: string;
}

export interface PoolRecommendation {
  pool: string;
  /** Mean requests in flight routed to this pool. */
  inFlight: number;
  poolSize: number;
  maxConnections: number;
  maxKeepalive: number;
  keepaliveSec: number;
  /** Sockets needed when requests multiplex over HTTP/2 (null for HTTP/1.1 pools). */
  h2Connections: number | null;
  /** Per-tenant cap when the pool is split by tenant (null otherwise). */
  perTenantMaxConnections: number | null;
}

export interface FormulaResult extends PoolRecommendation {
  protocol: PoolSettings['protocol'];
  /**
   * Exact mean in flight for closed users who wait for each reply: users × R ÷ (R + think), with no
   * queueing. The formula divides by the think time alone, so it reads high; null for open traffic.
   */
  closedMeanInFlight: number | null;
  /** The client's pool rules call for keeping every connection warm (httpcore 1.x). */
  keepaliveEqualsMax: boolean;
  /** Mean request rate the formula used (requests per second). */
  ratePerSec: number;
  meanResponseSec: number;
  steps: FormulaStep[];
  /** One entry per pool, main pool first; a single entry when all traffic shares one pool. */
  pools: PoolRecommendation[];
}

/** Ceiling that ignores binary floating-point dust: 10 × 1.1 = 11.000000000000002 must give 11, not 12. */
export function ceilClean(x: number): number {
  return Math.ceil(Math.round(x * 1e9) / 1e9);
}

interface Load {
  ratePerSec: number;
  inFlight: number;
  expression: string;
}

function loadOf(s: Scenario, meanSec: number): Load {
  const a = s.workload.arrival;
  const r = formatNumber(meanSec, 2);
  switch (a.kind) {
    case 'users':
      return {
        ratePerSec: a.users / a.thinkSec,
        inFlight: (a.users * meanSec) / a.thinkSec,
        expression: `${formatNumber(a.users, 0)} users × ${r} s ÷ ${formatNumber(a.thinkSec, 2)} s`,
      };
    case 'poisson':
      return {
        ratePerSec: a.perSec,
        inFlight: a.perSec * meanSec,
        expression: `${formatNumber(a.perSec, 2)} req/s × ${r} s`,
      };
    case 'bursty':
      // Sized for the burst, not the average over on and off periods: the burst is what queues.
      return {
        ratePerSec: a.perSec,
        inFlight: a.perSec * meanSec,
        expression: `${formatNumber(a.perSec, 2)} req/s during a burst × ${r} s`,
      };
    case 'trace': {
      let first = Infinity;
      let last = -Infinity;
      let busy = 0;
      for (const [start, duration] of a.rows) {
        first = Math.min(first, start);
        last = Math.max(last, start + duration);
        busy += duration;
      }
      const span = Math.max(last - first, 1e-9);
      return {
        ratePerSec: a.rows.length / span,
        inFlight: busy / span,
        expression: `${formatNumber(busy, 1)} s of requests ÷ ${formatNumber(span, 1)} s of trace`,
      };
    }
  }
}

/**
 * A client whose idle cap counts busy connections too (`keepsAllWarm`: httpcore 1.x, see its family)
 * throws away connections a busy pool is about to reuse under any cap below max_connections, so its
 * kept-warm share is 100 %.
 */
export function keepaliveEqualsMax(s: Scenario): boolean {
  return findClient(s.client)?.keepsAllWarm === true;
}

export function keptWarm(s: Scenario, maxConnections: number): number {
  return keepaliveEqualsMax(s) ? maxConnections : Math.min(maxConnections, ceilClean(maxConnections * s.sizing.keepaliveShare));
}

/**
 * Keep-alive to propose: the pool's own value when it already covers the idle gaps, else long enough
 * for them — 3 think times for users (95 % of exponential gaps are shorter), the quiet gap plus 5 s
 * for bursts — and always a few seconds below the first hop on the path that ends idle connections
 * (the server's timeout, a load balancer or CDN closing them, a NAT forgetting them unless TCP
 * keep-alive probes keep it awake), so the client closes first and never sends into a dead flow.
 */
export function proposedKeepaliveSec(s: Scenario, pool: PoolSettings): number {
  const a = s.workload.arrival;
  const gap = a.kind === 'users' ? (a.thinkDist === 'constant' ? a.thinkSec + 5 : 3 * a.thinkSec) : a.kind === 'bursty' ? a.offSec + 5 : 0;
  let keepalive = Math.max(pool.keepaliveSec, Math.ceil(gap));
  const limit = firstIdleLimit(s, pool, proposedProbeSec(s, pool))?.idleSec;
  if (limit !== undefined && keepalive >= limit) keepalive = keepaliveBelow(limit);
  return Math.min(keepalive, 86_400);
}

/**
 * A keep-alive that ends before an idle limit: 5 s short of it (half of it below 10 s), whole seconds
 * from 2 s up; below that (scaled-down tests and calibration) tenths of a second, never 0.
 */
export function keepaliveBelow(limit: number): number {
  const below = limit - Math.min(5, limit / 2);
  return limit >= 2 ? Math.max(1, Math.floor(below)) : Math.max(0.1, Math.floor(below * 10) / 10);
}

/** The TCP keep-alive probes the pool would run with once the proposal is applied. */
function proposedProbeSec(s: Scenario, pool: PoolSettings): number | null {
  return proposedTcpKeepaliveSec(s, pool) ?? tcpKeepaliveSec(s, pool);
}

function sizePool(pool: PoolSettings, inFlight: number, s: Scenario): PoolRecommendation {
  const poolSize = Math.max(1, ceilClean(inFlight));
  const maxConnections = ceilClean(poolSize * (1 + s.sizing.headroom));
  const perTenant = pool.tenants > 1 ? Math.min(maxConnections, ceilClean(Math.max(1, ceilClean(inFlight / pool.tenants)) * (1 + s.sizing.headroom))) : null;
  return {
    pool: pool.name,
    inFlight,
    poolSize,
    maxConnections,
    maxKeepalive: keptWarm(s, maxConnections),
    keepaliveSec: proposedKeepaliveSec(s, pool),
    h2Connections: pool.protocol === 'h2' ? Math.max(1, ceilClean(poolSize / pool.streamsPerConnection)) : null,
    perTenantMaxConnections: perTenant,
  };
}

export function computeFormula(s: Scenario): FormulaResult {
  const classes = s.workload.classes;
  const meanSec = meanResponseSec(classes);
  const load = loadOf(s, meanSec);
  const main = sizePool(s.pool, load.inFlight, s);
  const pct = (x: number) => `${formatNumber(x * 100, 1)} %`;

  const steps: FormulaStep[] = [
    {
      key: 'inFlight',
      label: 'Requests in flight (peak × response ÷ interval)',
      expression: load.expression,
      value: load.inFlight,
      unit: 'requests',
    },
    { key: 'poolSize', label: 'Pool size (round up)', expression: `⌈${formatNumber(load.inFlight, 2)}⌉`, value: main.poolSize, unit: 'connections' },
    {
      key: 'maxConnections',
      label: `Max connections (+${pct(s.sizing.headroom)} headroom, round up)`,
      expression: `⌈${main.poolSize} × ${formatNumber(1 + s.sizing.headroom, 3)}⌉`,
      value: main.maxConnections,
      unit: 'connections',
    },
    keepaliveEqualsMax(s)
      ? {
          key: 'maxKeepalive',
          label: 'Max keep-alive (httpx 0.28 closes idle connections while all open ones exceed it: keep it equal to max connections)',
          expression: `${main.maxConnections}`,
          value: main.maxKeepalive,
          unit: 'idle connections',
        }
      : {
          key: 'maxKeepalive',
          label: `Max keep-alive (${pct(s.sizing.keepaliveShare)} kept warm, round up)`,
          expression: `⌈${main.maxConnections} × ${formatNumber(s.sizing.keepaliveShare, 3)}⌉`,
          value: main.maxKeepalive,
          unit: 'idle connections',
        },
    keepaliveStep(s, main.keepaliveSec),
  ];
  if (main.h2Connections !== null) {
    steps.push({
      key: 'h2Connections',
      label: 'HTTP/2 sockets needed (streams ÷ streams per connection, round up)',
      expression: `⌈${main.poolSize} ÷ ${s.pool.streamsPerConnection}⌉`,
      value: main.h2Connections,
      unit: 'sockets',
    });
  }
  if (main.perTenantMaxConnections !== null) {
    steps.push({
      key: 'perTenantMaxConnections',
      label: `Per-tenant max (${s.pool.tenants} tenants, +${pct(s.sizing.headroom)}, round up)`,
      expression: `⌈⌈${formatNumber(load.inFlight, 2)} ÷ ${s.pool.tenants}⌉ × ${formatNumber(1 + s.sizing.headroom, 3)}⌉`,
      value: main.perTenantMaxConnections,
      unit: 'connections',
    });
  }

  const a = s.workload.arrival;
  return {
    ...main,
    protocol: s.pool.protocol,
    closedMeanInFlight: a.kind === 'users' ? (a.users * meanSec) / (meanSec + a.thinkSec) : null,
    keepaliveEqualsMax: keepaliveEqualsMax(s),
    ratePerSec: load.ratePerSec,
    meanResponseSec: meanSec,
    steps,
    pools: s.pools.length ? perPool(s, load.inFlight) : [main],
  };
}

/**
 * With split pools each pool carries the classes routed to it, in proportion to share × mean duration.
 * A trace brings its own durations, so there only the shares divide the load.
 */
function perPool(s: Scenario, totalInFlight: number): PoolRecommendation[] {
  const shares = normalisedShares(s.workload.classes);
  const fromTrace = s.workload.arrival.kind === 'trace';
  const weights = s.workload.classes.map((c, i) => (shares[i] ?? 0) * (fromTrace ? 1 : c.duration.meanSec));
  const total = weights.reduce((a, b) => a + b, 0);
  const loadFor = (poolName: string) =>
    s.workload.classes.reduce((sum, c, i) => ((c.pool ?? s.pool.name) === poolName ? sum + (weights[i] ?? 0) : sum), 0) / total;
  return [s.pool, ...s.pools].map((pool) => sizePool(pool, totalInFlight * loadFor(pool.name), s));
}

function keepaliveStep(s: Scenario, keepaliveSec: number): FormulaStep {
  const a = s.workload.arrival;
  const limit = firstIdleLimit(s, s.pool, proposedProbeSec(s, s.pool));
  const below = limit !== undefined && keepaliveSec < s.pool.keepaliveSec ? `, below ${hopName(limit)}’s ${formatNumber(limit.idleSec, 1)} s idle timeout` : '';
  const why =
    a.kind === 'users'
      ? a.thinkDist === 'constant'
        ? `outlasts the ${formatNumber(a.thinkSec, 1)} s between a user’s requests${below}`
        : `outlasts 3 × the ${formatNumber(a.thinkSec, 1)} s mean gap between a user’s requests${below}`
      : a.kind === 'bursty'
        ? `outlasts the ${formatNumber(a.offSec, 1)} s quiet gap between bursts${below}`
        : `the pool’s own value${below}`;
  return { key: 'keepaliveSec', label: `Keep-alive expiry (${why})`, expression: `${formatNumber(keepaliveSec, 1)} s`, value: keepaliveSec, unit: 's' };
}

/**
 * The answer card's sentence: what the formula asks of the main pool, beside what the user's pool
 * has. Both halves name their numbers, so the sentence cannot disagree with the figures under it.
 */
export function answerSentence(s: Scenario, result: FormulaResult): string {
  const pool = s.pool;
  const which = s.pools.length > 0 ? ` for the ${pool.name} pool` : '';
  const headroom = `${formatNumber(s.sizing.headroom * 100, 1)} % headroom`;
  const ask = `At the peak the formula puts ${formatNumber(result.inFlight, 1)} requests in flight${which}: ${plural(result.poolSize, 'connection')}, ${formatNumber(result.maxConnections, 0)} with ${headroom}.`;
  const formulaMax = formatNumber(result.maxConnections, 0);
  const compared =
    pool.maxConnections === result.maxConnections
      ? 'the formula’s size'
      : `${pool.maxConnections < result.maxConnections ? 'fewer' : 'more'} than the formula’s ${formulaMax}`;
  return `${ask} Your pool allows ${plural(pool.maxConnections, 'connection')} (${compared}) and keeps ${formatNumber(pool.maxKeepalive, 0)} idle.`;
}
