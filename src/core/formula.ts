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
import { meanResponseSec, normalisedShares } from './scenario/durations.ts';
import type { PoolSettings, Scenario } from './scenario/schema.ts';

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

export function formatNumber(x: number, maxDecimals = 1): string {
  if (!Number.isFinite(x)) return '—';
  const rounded = Number(x.toFixed(maxDecimals));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: maxDecimals });
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

function sizePool(pool: PoolSettings, inFlight: number, s: Scenario): PoolRecommendation {
  const poolSize = Math.max(1, ceilClean(inFlight));
  const maxConnections = ceilClean(poolSize * (1 + s.sizing.headroom));
  const perTenant = pool.tenants > 1 ? ceilClean(Math.max(1, ceilClean(inFlight / pool.tenants)) * (1 + s.sizing.headroom)) : null;
  return {
    pool: pool.name,
    inFlight,
    poolSize,
    maxConnections,
    maxKeepalive: ceilClean(maxConnections * s.sizing.keepaliveShare),
    keepaliveSec: pool.keepaliveSec,
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
    {
      key: 'maxKeepalive',
      label: `Max keep-alive (${pct(s.sizing.keepaliveShare)} kept warm, round up)`,
      expression: `⌈${main.maxConnections} × ${formatNumber(s.sizing.keepaliveShare, 3)}⌉`,
      value: main.maxKeepalive,
      unit: 'idle connections',
    },
    {
      key: 'keepaliveSec',
      label: 'Keep-alive expiry (outlasts the gap between a user’s requests)',
      expression: `${formatNumber(s.pool.keepaliveSec, 1)} s`,
      value: s.pool.keepaliveSec,
      unit: 's',
    },
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

  return {
    ...main,
    protocol: s.pool.protocol,
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
