/**
 * Today, your pool, recommended: the same traffic run three times — with the client library's
 * defaults (what a service gets when nobody configured the pool), with the scenario's pools, and
 * with the recommendation applied — and the differences that matter, each said in one sentence
 * built from the numbers it describes.
 */
import { clientLabel, forNode, type ClientFacts } from './clients/index.ts';
import { formatNumber, plural } from './format.ts';
import type { PoolProposal } from './proposals.ts';
import { LIMITS, type PoolSettings, type Scenario } from './scenario/schema.ts';
import type { SimResult } from './sim/types.ts';

/** The pool a client library builds when the code passes no limits (its defaults, from the clients table). */
export function defaultPool(pool: PoolSettings, client: ClientFacts): PoolSettings {
  const d = client.defaults;
  // An uncapped pool (undici's Agent) is modelled with the schema's largest cap: it never binds.
  const perTenantCap = d.maxConnections ?? LIMITS.connections;
  const tenants = pool.tenants;
  const maxConnections = Math.min(LIMITS.connections, perTenantCap * tenants);
  // The path settings fall back to the client's own (no probes or retries of its own choosing); a
  // client without a read timeout waits as long as the schema allows: a day.
  const { poolTimeoutSec: _timeout, perTenantMaxConnections: _perTenant, maxRetries: _retries, tcpKeepaliveSec: _probes, readTimeoutSec: _read, ...rest } = pool;
  const next: PoolSettings = {
    ...rest,
    protocol: d.protocol,
    streamsPerConnection: d.streamsPerConnection,
    maxConnections,
    maxKeepalive: Math.min(maxConnections, (d.maxKeepalive ?? maxConnections) * (d.maxKeepalive === null ? 1 : tenants)),
    keepaliveSec: d.keepaliveSec,
    readTimeoutSec: d.readTimeoutSec ?? LIMITS.keepaliveSec,
  };
  if (d.poolTimeoutSec !== null) next.poolTimeoutSec = d.poolTimeoutSec;
  if (tenants > 1) next.perTenantMaxConnections = Math.min(maxConnections, perTenantCap);
  return next;
}

/** The scenario as the client's defaults would run it ("today"); on Node's fetch, the scenario's Node's. */
export function withClientDefaults(s: Scenario, client: ClientFacts): Scenario {
  const facts = forNode(client, s.node);
  return { ...s, client: client.id as Scenario['client'], pool: defaultPool(s.pool, facts), pools: s.pools.map((p) => defaultPool(p, facts)) };
}

export interface ColumnFigures {
  reuseRate: number;
  /** Connection set-ups (TCP + TLS) paid per request. */
  handshakesPerRequest: number;
  handshakeMsPerRequest: number;
  meanWaitMs: number;
  p99WaitMs: number;
  poolTimeouts: number;
  poolTimeoutShare: number;
  peakConnections: number;
  meanLatencyMs: number;
  /** What the path cost, per request (zero without middleboxes). */
  staleShare: number;
  hungShare: number;
  failedShare: number;
  retriesPerRequest: number;
}

export function columnFigures(r: SimResult): ColumnFigures {
  const n = Math.max(1, r.requests);
  return {
    reuseRate: r.reuseRate,
    handshakesPerRequest: r.newConnections / n,
    handshakeMsPerRequest: r.handshakeMs.total / n,
    meanWaitMs: r.queueWaitMs.mean,
    p99WaitMs: r.queueWaitMs.p99,
    poolTimeouts: r.poolTimeouts,
    poolTimeoutShare: r.poolTimeouts / n,
    peakConnections: r.peakActive,
    meanLatencyMs: r.latencyMs.mean,
    staleShare: r.staleReuse / n,
    hungShare: r.hungRequests / n,
    failedShare: r.failedRequests / n,
    retriesPerRequest: r.retries / n,
  };
}

export interface Difference {
  id: string;
  text: string;
}

export interface DifferenceContext {
  scenario: Scenario;
  /** Label of the "from" column ("the undici 8 defaults", "your pool"). */
  fromLabel: string;
  toLabel: string;
  /** Keep-alive of the main pool in each column, seconds. */
  fromKeepaliveSec: number;
  toKeepaliveSec: number;
  fromMaxConnections: number | null;
  /** The client whose rules run both columns: its facts name the caps behind a difference (idleCapOption, callQueue). */
  client?: ClientFacts;
}

const pct = (x: number) => `${formatNumber(x * 100, x < 0.1 && x > 0 ? 1 : 0)} %`;
const ms = (x: number) => `${formatNumber(x, x < 10 ? 1 : 0)} ms`;
/** Waits of queued calls run to minutes: seconds from 10 s up read better than ms. */
const duration = (x: number) => (x >= 10_000 ? `${formatNumber(x / 1000, 0)} s` : ms(x));

/**
 * The idle cap behind lost reuse, when the client's facts name one (Go's MaxIdleConnsPerHost) and
 * the column opened more connections at its peak than the cap keeps: the surplus closes as it frees
 * up and the next burst dials it again. One pool per host only: a tenant's share of the peak is unknown.
 */
function idleCapCause(ctx: DifferenceContext, from: SimResult): string | null {
  const option = ctx.client?.idleCapOption;
  const pool = ctx.scenario.pool;
  if (!option || pool.tenants > 1 || from.peakActive <= pool.maxKeepalive) return null;
  const f = columnFigures(from);
  return `${option} ${formatNumber(pool.maxKeepalive, 0)} keeps at most ${formatNumber(pool.maxKeepalive, 0)} idle while up to ${formatNumber(from.peakActive, 0)} are open at once, so the rest close as they free up and the next burst re-dials them (${formatNumber(f.handshakesPerRequest, 2)} new connections and ${ms(f.handshakeMsPerRequest)} of handshakes per request)`;
}

/** Why a column reuses fewer connections, from the numbers that explain it. */
function reuseCause(ctx: DifferenceContext, from: SimResult, to: SimResult): string {
  const a = ctx.scenario.workload.arrival;
  const idleCap = idleCapCause(ctx, from);
  if (idleCap) return idleCap;
  if (ctx.fromKeepaliveSec < ctx.toKeepaliveSec) {
    const gap =
      a.kind === 'users' && a.users === 1
        ? `the ${formatNumber(a.thinkSec, 1)} s between this user’s requests`
        : `the longer gaps between requests on a connection (1 in 20 is over ${formatNumber(to.idleBeforeReuseSec.p95, 1)} s with ${ctx.toLabel})`;
    // Only a cause the simulated gaps confirm: some idle gaps outlast the shorter keep-alive.
    if ((a.kind === 'users' && a.users === 1) || to.idleBeforeReuseSec.p95 > ctx.fromKeepaliveSec) {
      return `keep-alive ${formatNumber(ctx.fromKeepaliveSec, 1)} s is shorter than ${gap}`;
    }
  }
  if (from.poolTimeouts > 0) return 'requests time out waiting for a connection';
  return 'idle connections are closed before they are reused';
}

/**
 * The sentences that say what changes from one column to the next. Each appears only when its
 * numbers differ by more than simulation noise: 5 points of reuse, 10 % and 5 ms of wait.
 */
export function describeDifferences(ctx: DifferenceContext, from: SimResult, to: SimResult): Difference[] {
  const out: Difference[] = [];
  const f = columnFigures(from);
  const t = columnFigures(to);
  if (t.reuseRate - f.reuseRate >= 0.05) {
    const most = f.handshakesPerRequest >= 0.5 ? 'most requests open a new connection' : `${pct(f.handshakesPerRequest)} of requests open a new connection`;
    out.push({
      id: 'reuse',
      text: `With ${ctx.fromLabel} ${most}: ${reuseCause(ctx, from, to)}. ${capitalise(ctx.toLabel)} reuses ${pct(t.reuseRate)} and saves ${ms(f.handshakeMsPerRequest - t.handshakeMsPerRequest)} of handshakes per request.`,
    });
  } else if (f.reuseRate - t.reuseRate >= 0.05) {
    out.push({
      id: 'reuse-worse',
      text: `${capitalise(ctx.toLabel)} reuses fewer connections than ${ctx.fromLabel} (${pct(t.reuseRate)} against ${pct(f.reuseRate)}): ${ms(t.handshakeMsPerRequest - f.handshakeMsPerRequest)} more handshake per request.`,
    });
  }
  const troubleFrom = from.failedRequests + from.hungRequests + from.staleReuse;
  const troubleTo = to.failedRequests + to.hungRequests + to.staleReuse;
  if (troubleFrom - troubleTo >= Math.max(1, 0.001 * Math.max(1, from.requests))) {
    out.push({ id: 'path', text: `On this path, with ${ctx.fromLabel} ${pathCost(from)}; with ${ctx.toLabel} ${pathCost(to)}.` });
  }
  if (f.poolTimeouts > 0 && t.poolTimeouts < f.poolTimeouts) {
    const timeout = ctx.scenario.pool.poolTimeoutSec;
    out.push({
      id: 'timeouts',
      text: `With ${ctx.fromLabel} ${plural(f.poolTimeouts, 'request fails', 'requests fail')} (${pct(f.poolTimeoutShare)}) waiting for a connection${timeout !== undefined ? '' : ' (pool timeout)'}; ${ctx.toLabel} ${t.poolTimeouts === 0 ? 'has none' : `has ${formatNumber(t.poolTimeouts, 0)}`}.`,
    });
  }
  const waitDelta = f.p99WaitMs - t.p99WaitMs;
  const calls = ctx.client?.callQueue;
  if (Math.abs(waitDelta) >= 5 && Math.abs(waitDelta) >= 0.1 * Math.max(f.p99WaitMs, t.p99WaitMs)) {
    const pool = ctx.scenario.pool;
    const perHost = pool.perTenantMaxConnections ?? pool.maxConnections;
    out.push(
      waitDelta > 0 && calls
        ? {
            // The cap counts calls, not connections (OkHttp's Dispatcher): the wait is a queue of calls.
            id: 'queue',
            text: `With ${ctx.fromLabel} ${calls.queue} runs at most ${plural(perHost, 'call')} per host (${calls.option}) and queues the rest: ${pct(from.pWait)} of calls wait, ${duration(f.meanWaitMs)} on average and ${duration(f.p99WaitMs)} for the slowest 1 %; with ${ctx.toLabel} the slowest 1 % wait ${duration(t.p99WaitMs)}.`,
          }
        : waitDelta > 0
        ? { id: 'wait', text: `The slowest 1 % wait ${ms(f.p99WaitMs)} for a connection with ${ctx.fromLabel}, ${ms(t.p99WaitMs)} with ${ctx.toLabel}.` }
        : { id: 'wait-worse', text: `${capitalise(ctx.toLabel)} makes the slowest 1 % wait longer for a connection: ${ms(t.p99WaitMs)} against ${ms(f.p99WaitMs)}.` },
    );
  }
  if (ctx.fromMaxConnections === null && f.peakConnections > t.peakConnections && f.peakConnections >= 2 * Math.max(1, t.peakConnections)) {
    out.push({
      id: 'uncapped',
      text: `${capitalise(ctx.fromLabel)} put no cap on connections: ${plural(f.peakConnections, 'connection', 'connections')} open at the peak, against ${formatNumber(t.peakConnections, 0)} with ${ctx.toLabel}.`,
    });
  }
  return out;
}

/** What the path did to a column's requests, from its counts. */
function pathCost(r: SimResult): string {
  if (r.failedRequests + r.hungRequests + r.staleReuse === 0) return 'no request meets a connection the path closed';
  const n = Math.max(1, r.requests);
  const parts = [`${pct(r.staleReuse / n)} of requests are sent on a connection the path had closed`];
  if (r.hungRequests > 0) parts.push(`${pct(r.hungRequests / n)} hang until the read timeout`);
  parts.push(r.failedRequests > 0 ? `${pct(r.failedRequests / n)} fail` : r.retries > 0 ? 'retries save every one' : 'none fails');
  return parts.join(', ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface CompareResults {
  today: SimResult;
  yours: SimResult;
  recommended: SimResult;
}

export interface ColumnDifference extends Difference {
  between: 'today→yours' | 'yours→recommended';
}

/** Sentences for both steps: from the client's defaults to your pool, and from your pool to the recommendation. */
export function compareDifferences(s: Scenario, client: ClientFacts, results: CompareResults, recommendedPool: PoolProposal): ColumnDifference[] {
  const today = withClientDefaults(s, client);
  const fromDefaults = describeDifferences(
    {
      scenario: today,
      fromLabel: `the ${clientLabel(client, s.node)} defaults`,
      toLabel: 'your pool',
      fromKeepaliveSec: today.pool.keepaliveSec,
      toKeepaliveSec: s.pool.keepaliveSec,
      fromMaxConnections: client.defaults.maxConnections,
      client,
    },
    results.today,
    results.yours,
  ).map((d) => ({ ...d, between: 'today→yours' as const }));
  const toRecommended = describeDifferences(
    {
      scenario: s,
      fromLabel: 'your pool',
      toLabel: 'the recommended pool',
      fromKeepaliveSec: s.pool.keepaliveSec,
      toKeepaliveSec: recommendedPool.keepaliveSec,
      fromMaxConnections: s.pool.maxConnections,
      client,
    },
    results.yours,
    results.recommended,
  ).map((d) => ({ ...d, between: 'yours→recommended' as const }));
  return [...fromDefaults, ...toRecommended];
}

/** What the scenario's main pool sets differently from the client's defaults, one phrase per field. */
export function describePoolChanges(s: Scenario, client: ClientFacts): string[] {
  const d = forNode(client, s.node).defaults;
  const p = s.pool;
  const cap = (n: number | null) => (n === null ? 'no cap' : formatNumber(n, 0));
  const sec = (n: number | null) => (n === null ? 'none' : `${formatNumber(n, 1)} s`);
  const protocol = (x: 'h1' | 'h2') => (x === 'h2' ? 'HTTP/2' : 'HTTP/1.1');
  const changes: string[] = [];
  if (p.maxConnections !== d.maxConnections) changes.push(`max connections ${formatNumber(p.maxConnections, 0)} (default ${cap(d.maxConnections)})`);
  if (p.maxKeepalive !== d.maxKeepalive && d.maxKeepalive !== null) changes.push(`kept idle ${formatNumber(p.maxKeepalive, 0)} (default ${cap(d.maxKeepalive)})`);
  if (p.keepaliveSec !== d.keepaliveSec) changes.push(`keep-alive ${sec(p.keepaliveSec)} (default ${sec(d.keepaliveSec)})`);
  if ((p.poolTimeoutSec ?? null) !== d.poolTimeoutSec) changes.push(`pool timeout ${sec(p.poolTimeoutSec ?? null)} (default ${sec(d.poolTimeoutSec)})`);
  if (p.protocol !== d.protocol) changes.push(`${protocol(p.protocol)} (default ${protocol(d.protocol)})`);
  if (p.tenants > 1) changes.push(`a pool per tenant (${formatNumber(p.tenants, 0)} tenants)`);
  return changes;
}
