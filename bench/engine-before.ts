/**
 * Discrete-event simulation of an HTTP connection pool. One event loop over a typed-array heap;
 * connections and requests live in typed arrays indexed by id, so the hot path allocates nothing.
 *
 * Pool rules, and the library behaviour each follows:
 * - HTTP/1.1: one request per connection at a time (undici `pipelining: 1`, httpcore HTTP11Connection).
 * - HTTP/2: up to `streamsPerConnection` concurrent streams per connection; a new connection opens
 *   only when every open or opening connection is full. A connection still handshaking accepts
 *   streams, as httpcore treats a connecting HTTP/2 connection as available.
 * - `maxConnections` caps open connections (undici `connections`, httpx `max_connections`); a request
 *   that finds no free connection waits in a FIFO queue (both libraries queue in arrival order).
 * - `poolTimeoutSec` fails requests that waited that long (httpx `Timeout(pool=…)`; undici has no pool
 *   timeout, so leave it out to model undici).
 * - Idle connections close after `keepaliveSec` (httpx `keepalive_expiry`, undici `keepAliveTimeout`);
 *   a request that ends while `maxKeepalive` idle connections are already kept closes its connection
 *   (httpx `max_keepalive_connections`). Reuse takes the most recently idle connection, so surplus
 *   connections age out as they do under both libraries' first-available scans.
 * - A server idle timeout shorter than the client's keep-alive closes idle connections from the
 *   server side (counted as `serverClosed`; in real clients such closes race with reuse → errors).
 * - A new connection pays DNS (unless a lookup within `dnsCacheSec` is cached), TCP 1 RTT, then TLS:
 *   1.3 full handshake 1 RTT, 1.2 full handshake 2 RTT, none for plain HTTP; HTTP/2 is negotiated
 *   inside TLS (ALPN) at no extra RTT. The connection counts as active from the start of its set-up.
 * - Multi-tenant: a pool per tenant capped at `perTenantMaxConnections`, all under the pool's global
 *   `maxConnections`; a tenant blocked only by the global cap takes over an idle connection of
 *   another tenant, or the next connection another tenant frees.
 */
import { lognormalParams, normalisedShares } from '../src/core/scenario/durations.ts';
import type { PoolSettings, Scenario } from '../src/core/scenario/schema.ts';
import { IntDeque } from '../src/core/sim/deque.ts';
import { SimAbortedError, SimError } from '../src/core/sim/errors.ts';
import { EventHeap } from '../src/core/sim/heap.ts';
import { Histogram, bucketOf } from '../src/core/sim/histogram.ts';
import { Rng } from '../src/core/sim/rng.ts';
import type { GroupResult, SimOptions } from '../src/core/sim/types.ts';

/** Hard cap on events per run, so a mistyped scenario cannot hang a tab or a CI job. */
export const DEFAULT_MAX_EVENTS = 60_000_000;
const CHECK_EVERY = 65_536;

const ARRIVAL = 0;
const USER = 1;
const FINISH = 2;
const TIMEOUT = 3;

const DIST_EXPONENTIAL = 0;
const DIST_CONSTANT = 1;
const DIST_LOGNORMAL = 2;

interface PoolState {
  settings: PoolSettings;
  cap: number;
  open: number;
  streams: number;
  expireSec: number;
  serverExpires: boolean;
  groups: Group[];
  /** Groups whose head request waits only for the global cap (multi-tenant). */
  blocked: IntDeque;
  wait: Histogram;
  latency: Histogram;
  requests: number;
  waited: number;
  reused: number;
  newConnections: number;
  busy: number;
  peakActive: number;
  queued: number;
  peakQueued: number;
  timeouts: number;
}

interface Group {
  id: number;
  pool: PoolState;
  cap: number;
  maxIdle: number;
  open: number;
  idle: IntDeque;
  queue: IntDeque;
  /** HTTP/2 connections with a free stream and at least one in use (or still handshaking). */
  partial: IntDeque;
  blockedListed: boolean;
}

class Growable {
  f64: Float64Array[];
  i32: Int32Array[];
  constructor(f64: number, i32: number, capacity: number) {
    this.f64 = Array.from({ length: f64 }, () => new Float64Array(capacity));
    this.i32 = Array.from({ length: i32 }, () => new Int32Array(capacity));
  }
  grow(): void {
    this.f64 = this.f64.map((a) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    });
    this.i32 = this.i32.map((a) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    });
  }
}

function setupSec(s: Scenario, withDns: boolean): number {
  const rtt = s.network.rttMs / 1000;
  const tlsRtts = s.network.tls === '1.2' ? 2 : s.network.tls === '1.3' ? 1 : 0;
  return (withDns ? s.network.dnsMs / 1000 : 0) + rtt * (1 + tlsRtts);
}

export function simulate(scenario: Scenario, options: SimOptions = {}) {
  const s = scenario;
  const rng = new Rng(s.sim.seed);
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const arrival = s.workload.arrival;
  const totalRequests = arrival.kind === 'trace' ? arrival.rows.length : s.sim.requests;
  const warmup = Math.floor(totalRequests * s.sim.warmupShare);

  // Classes: cumulative shares and duration parameters in flat arrays.
  const classes = s.workload.classes;
  const shares = normalisedShares(classes);
  const cumShare = new Float64Array(classes.length);
  shares.reduce((acc, share, i) => (cumShare[i] = acc + share), 0);
  cumShare[classes.length - 1] = 1;
  const distKind = new Int32Array(classes.length);
  const distA = new Float64Array(classes.length);
  const distB = new Float64Array(classes.length);
  classes.forEach((c, i) => {
    const d = c.duration;
    if (d.dist === 'lognormal') {
      const params = lognormalParams(d.meanSec, d.p95Sec);
      if (!params) throw new SimError(`workload.classes[${i}].duration: no lognormal has mean ${d.meanSec} s and p95 ${d.p95Sec} s`);
      distKind[i] = DIST_LOGNORMAL;
      distA[i] = params.mu;
      distB[i] = params.sigma;
    } else {
      distKind[i] = d.dist === 'constant' ? DIST_CONSTANT : DIST_EXPONENTIAL;
      distA[i] = d.meanSec;
    }
  });

  // Pools and their groups (one group per tenant).
  const poolSettings = [s.pool, ...s.pools];
  const groups: Group[] = [];
  const pools: PoolState[] = poolSettings.map((p) => {
    const expireSec = s.network.serverIdleSec !== undefined ? Math.min(p.keepaliveSec, s.network.serverIdleSec) : p.keepaliveSec;
    const pool: PoolState = {
      settings: p,
      cap: p.maxConnections,
      open: 0,
      streams: p.protocol === 'h2' ? p.streamsPerConnection : 1,
      expireSec,
      serverExpires: s.network.serverIdleSec !== undefined && s.network.serverIdleSec <= p.keepaliveSec,
      groups: [],
      blocked: new IntDeque(),
      wait: new Histogram(),
      latency: new Histogram(),
      requests: 0,
      waited: 0,
      reused: 0,
      newConnections: 0,
      busy: 0,
      peakActive: 0,
      queued: 0,
      peakQueued: 0,
      timeouts: 0,
    };
    const tenantCap = p.tenants > 1 ? Math.min(p.perTenantMaxConnections ?? p.maxConnections, p.maxConnections) : p.maxConnections;
    const tenantIdle = p.tenants > 1 ? Math.ceil((p.maxKeepalive * tenantCap) / p.maxConnections) : p.maxKeepalive;
    for (let t = 0; t < p.tenants; t++) {
      const group: Group = {
        id: groups.length,
        pool,
        cap: tenantCap,
        maxIdle: Math.min(tenantIdle, tenantCap),
        open: 0,
        idle: new IntDeque(),
        queue: new IntDeque(),
        partial: new IntDeque(),
        blockedListed: false,
      };
      groups.push(group);
      pool.groups.push(group);
    }
    return pool;
  });
  const poolIndexByName = new Map(poolSettings.map((p, i) => [p.name, i]));
  const classPool = new Int32Array(classes.map((c) => poolIndexByName.get(c.pool ?? s.pool.name) ?? 0));

  // Requests (slots reused through a free list) and connections.
  const req = new Growable(2, 6, 1024); // f64: arrive, duration; i32: class, group, user, conn, gen, state
  let rArrive = req.f64[0]!;
  let rDur = req.f64[1]!;
  let rClass = req.i32[0]!;
  let rGroup = req.i32[1]!;
  let rUser = req.i32[2]!;
  let rConn = req.i32[3]!;
  let rGen = req.i32[4]!;
  let rState = req.i32[5]!; // bit0 measured, bit1 queued, bit2 timed out
  const reqFree: number[] = [];
  let reqNext = 0;
  const allocRequest = (): number => {
    if (reqFree.length) return reqFree.pop()!;
    if (reqNext === rArrive.length) {
      req.grow();
      [rArrive, rDur] = req.f64 as [Float64Array, Float64Array];
      [rClass, rGroup, rUser, rConn, rGen, rState] = req.i32 as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    }
    return reqNext++;
  };

  const conn = new Growable(2, 3, 256); // f64: idleSince, setupEnd; i32: group, streams, partialFlag
  let cIdleSince = conn.f64[0]!;
  let cSetupEnd = conn.f64[1]!;
  let cGroup = conn.i32[0]!;
  let cStreams = conn.i32[1]!;
  let cPartial = conn.i32[2]!;
  const connFree: number[] = [];
  let connNext = 0;
  const allocConn = (): number => {
    if (connFree.length) return connFree.pop()!;
    if (connNext === cIdleSince.length) {
      conn.grow();
      [cIdleSince, cSetupEnd] = conn.f64 as [Float64Array, Float64Array];
      [cGroup, cStreams, cPartial] = conn.i32 as [Int32Array, Int32Array, Int32Array];
    }
    return connNext++;
  };

  // Statistics.
  const wait = new Histogram();
  const latency = new Histogram();
  const unpooledLatency = new Histogram();
  const classWait = classes.map(() => new Histogram());
  const classLatency = classes.map(() => new Histogram());
  const classWaited = new Float64Array(classes.length);
  let measured = 0;
  let waited = 0;
  let reused = 0;
  let newConnections = 0;
  let handshakeSec = 0;
  let unpooledHandshakeSec = 0;
  let poolTimeouts = 0;
  let clientClosed = 0;
  let serverClosed = 0;
  let busy = 0;
  let peakActive = 0;
  let totalIdle = 0;
  let queued = 0;
  let peakQueued = 0;
  let inSystem = 0;
  let windowStart = -1;
  let windowEnd = -1;
  let lastT = 0;
  let areaBusy = 0;
  let areaSystem = 0;
  let lastDnsAt = -Infinity;
  let lastUnpooledDnsAt = -Infinity;
  const dnsCache = s.network.dnsCacheSec;
  const fullSetup = setupSec(s, true);
  const cachedSetup = setupSec(s, false);

  // Time series: sampled every `step` seconds; halved in resolution whenever it outgrows its budget.
  const seriesPoints = options.seriesPoints ?? 240;
  const estimateSec = estimateDuration(s, totalRequests);
  let sampleStep = Math.max(estimateSec / seriesPoints, 1e-6);
  let nextSample = 0;
  let seriesT: number[] = [];
  let seriesActive: number[] = [];
  let seriesIdle: number[] = [];
  let seriesQueued: number[] = [];

  const heap = new EventHeap(1024);
  let arrivals = 0;
  let completed = 0;
  let events = 0;

  const closeConn = (c: number, group: Group) => {
    group.open--;
    group.pool.open--;
    cStreams[c] = 0;
    connFree.push(c);
  };

  const purge = (group: Group, t: number) => {
    const expire = group.pool.expireSec;
    const idle = group.idle;
    while (idle.size > 0) {
      const c = idle.front();
      if (cIdleSince[c]! + expire > t) break;
      idle.popFront();
      totalIdle--;
      if (group.pool.serverExpires) serverClosed++;
      else clientClosed++;
      closeConn(c, group);
    }
  };

  const addPartial = (group: Group, c: number) => {
    if (cPartial[c] === 0) {
      cPartial[c] = 1;
      group.partial.pushBack(c);
    }
  };

  const newConn = (group: Group, t: number, isMeasured: boolean): number => {
    const c = allocConn();
    const cached = t - lastDnsAt < dnsCache;
    if (!cached) lastDnsAt = t;
    const setup = cached ? cachedSetup : fullSetup;
    cGroup[c] = group.id;
    cStreams[c] = 0;
    cPartial[c] = 0;
    cSetupEnd[c] = t + setup;
    group.open++;
    group.pool.open++;
    if (isMeasured) {
      newConnections++;
      group.pool.newConnections++;
      handshakeSec += setup;
    }
    return c;
  };

  const attach = (r: number, c: number, t: number) => {
    const group = groups[rGroup[r]!]!;
    const pool = group.pool;
    if (cStreams[c] === 0) {
      busy++;
      pool.busy++;
      if (t >= windowStart && windowStart >= 0) {
        if (busy > peakActive) peakActive = busy;
        if (pool.busy > pool.peakActive) pool.peakActive = pool.busy;
      }
    }
    cStreams[c]!++;
    if (pool.streams > 1 && cStreams[c]! < pool.streams) addPartial(group, c);
    rConn[r] = c;
    const setupEnd = cSetupEnd[c]!;
    const start = setupEnd > t ? setupEnd : t;
    const finish = start + rDur[r]!;
    heap.push(finish, r * 4 + FINISH, 0);
    if (rState[r]! & 1) {
      const k = rClass[r]!;
      const waitMs = (t - rArrive[r]!) * 1000;
      const latencyMs = (finish - rArrive[r]!) * 1000;
      const wb = bucketOf(waitMs);
      const lb = bucketOf(latencyMs);
      wait.addAt(wb, waitMs);
      latency.addAt(lb, latencyMs);
      classWait[k]!.addAt(wb, waitMs);
      classLatency[k]!.addAt(lb, latencyMs);
      pool.wait.addAt(wb, waitMs);
      pool.latency.addAt(lb, latencyMs);
      if (waitMs > 0) {
        waited++;
        classWaited[k]!++;
        pool.waited++;
      }
      if (setupEnd <= t) {
        reused++;
        pool.reused++;
      }
    }
  };

  /** Opening a connection for `group`, evicting another tenant's idle connection if only the global cap is in the way. */
  const tryOpen = (group: Group, t: number, isMeasured: boolean): number => {
    if (group.open >= group.cap) return -1;
    const pool = group.pool;
    if (pool.open >= pool.cap && pool.groups.length > 1) {
      for (const other of pool.groups) purge(other, t);
      if (pool.open >= pool.cap) {
        let victimGroup: Group | null = null;
        for (const other of pool.groups) {
          if (other !== group && other.idle.size > 0 && (!victimGroup || cIdleSince[other.idle.front()]! < cIdleSince[victimGroup.idle.front()]!)) {
            victimGroup = other;
          }
        }
        if (victimGroup) {
          const victim = victimGroup.idle.popFront();
          totalIdle--;
          clientClosed++;
          closeConn(victim, victimGroup);
        }
      }
    }
    if (pool.open >= pool.cap) return -1;
    return newConn(group, t, isMeasured);
  };

  const dispatch = (r: number, t: number) => {
    const group = groups[rGroup[r]!]!;
    const pool = group.pool;
    const isMeasured = (rState[r]! & 1) === 1;
    if (pool.streams > 1 && group.partial.size > 0) {
      attachToPartial(group, r, t);
      return;
    }
    if (group.idle.size > 0) purge(group, t);
    if (group.idle.size > 0) {
      const c = group.idle.popBack();
      totalIdle--;
      attach(r, c, t);
      return;
    }
    const c = tryOpen(group, t, isMeasured);
    if (c >= 0) {
      attach(r, c, t);
      return;
    }
    // No connection: wait in line.
    rState[r] = rState[r]! | 2;
    group.queue.pushBack(r);
    queued++;
    pool.queued++;
    if (t >= windowStart && windowStart >= 0) {
      if (queued > peakQueued) peakQueued = queued;
      if (pool.queued > pool.peakQueued) pool.peakQueued = pool.queued;
    }
    if (group.open < group.cap && pool.open >= pool.cap && !group.blockedListed) {
      group.blockedListed = true;
      pool.blocked.pushBack(group.id);
    }
    const timeout = pool.settings.poolTimeoutSec;
    if (timeout !== undefined) heap.push(t + timeout, r * 4 + TIMEOUT, rGen[r]!);
  };

  const attachToPartial = (group: Group, r: number, t: number) => {
    const c = group.partial.popBack();
    cPartial[c] = 0;
    attach(r, c, t);
  };

  /** Next live request in a group's queue, skipping entries whose request timed out. */
  const dequeue = (group: Group): number => {
    while (group.queue.size > 0) {
      const r = group.queue.popFront();
      if (rState[r]! & 4) {
        reqFree.push(r);
        continue;
      }
      rState[r] = rState[r]! & ~2;
      queued--;
      group.pool.queued--;
      return r;
    }
    return -1;
  };

  const releaseRequest = (r: number, t: number) => {
    inSystem--;
    completed++;
    const user = rUser[r]!;
    rGen[r] = rGen[r]! + 1;
    reqFree.push(r);
    if (user >= 0 && arrivals < totalRequests) heap.push(t + thinkTime(), user * 4 + USER, 0);
  };

  const finish = (r: number, t: number) => {
    const c = rConn[r]!;
    const group = groups[cGroup[c]!]!;
    const pool = group.pool;
    releaseRequest(r, t);
    cStreams[c]!--;
    const next = group.queue.size > 0 ? dequeue(group) : -1;
    if (next >= 0) {
      // The freed stream goes straight to the next request in line; attach() counts it busy again.
      if (cStreams[c] === 0) {
        busy--;
        pool.busy--;
      }
      attach(next, c, t);
      return;
    }
    if (cStreams[c]! > 0) {
      if (pool.streams > 1) addPartial(group, c);
      return;
    }
    busy--;
    pool.busy--;
    if (cPartial[c] === 1) {
      group.partial.remove(c);
      cPartial[c] = 0;
    }
    // A tenant waiting only for the global cap gets this connection's slot.
    while (pool.blocked.size > 0) {
      const blockedGroup = groups[pool.blocked.front()]!;
      const head = blockedGroup.queue.size > 0 ? dequeue(blockedGroup) : -1;
      if (head < 0 || blockedGroup.open >= blockedGroup.cap) {
        pool.blocked.popFront();
        blockedGroup.blockedListed = false;
        if (head >= 0) {
          // Its own cap binds now; put the request back at the front of its line.
          requeueFront(blockedGroup, head);
        }
        continue;
      }
      if (blockedGroup.queue.size === 0) {
        pool.blocked.popFront();
        blockedGroup.blockedListed = false;
      }
      clientClosed++;
      closeConn(c, group);
      attach(head, newConn(blockedGroup, t, (rState[head]! & 1) === 1), t);
      return;
    }
    if (group.idle.size >= group.maxIdle || pool.expireSec <= 0) {
      clientClosed++;
      closeConn(c, group);
      return;
    }
    cIdleSince[c] = t;
    group.idle.pushBack(c);
    totalIdle++;
  };

  const requeueFront = (group: Group, r: number) => {
    // Rare path (multi-tenant only): rebuild the queue with r first.
    const rest: number[] = [];
    while (group.queue.size > 0) rest.push(group.queue.popFront());
    group.queue.pushBack(r);
    for (const x of rest) group.queue.pushBack(x);
    rState[r] = rState[r]! | 2;
    queued++;
    group.pool.queued++;
  };

  const timeoutRequest = (r: number, gen: number, t: number) => {
    if (rGen[r] !== gen || (rState[r]! & 2) === 0) return;
    const group = groups[rGroup[r]!]!;
    rState[r] = (rState[r]! & ~2) | 4;
    queued--;
    group.pool.queued--;
    if (rState[r]! & 1) {
      poolTimeouts++;
      group.pool.timeouts++;
    }
    inSystem--;
    completed++;
    const user = rUser[r]!;
    rGen[r] = rGen[r]! + 1;
    // The slot is freed when its stale queue entry is skipped (dequeue), never reused before.
    if (user >= 0 && arrivals < totalRequests) heap.push(t + thinkTime(), user * 4 + USER, 0);
  };

  const sampleDuration = (k: number): number => {
    const kind = distKind[k]!;
    if (kind === DIST_EXPONENTIAL) return rng.exponential(distA[k]!);
    if (kind === DIST_CONSTANT) return distA[k]!;
    return Math.exp(distA[k]! + distB[k]! * rng.normal());
  };

  const pickClass = (): number => {
    if (classes.length === 1) return 0;
    const u = rng.uniform();
    let k = 0;
    while (u > cumShare[k]!) k++;
    return k;
  };

  const thinkMean = arrival.kind === 'users' ? arrival.thinkSec : 0;
  const thinkConstant = arrival.kind === 'users' && arrival.thinkDist === 'constant';
  const thinkTime = (): number => (thinkConstant ? thinkMean : rng.exponential(thinkMean));

  /** A new request arrives at t: draw its class, pool, tenant and duration, then dispatch it. */
  const arrive = (t: number, user: number, traceDuration: number) => {
    const r = allocRequest();
    const k = pickClass();
    const pool = pools[classPool[k]!]!;
    const tenants = pool.groups.length;
    const tenant = tenants === 1 ? 0 : user >= 0 ? user % tenants : Math.floor(rng.uniform() * tenants);
    const duration = traceDuration >= 0 ? traceDuration : sampleDuration(k);
    const isMeasured = arrivals >= warmup;
    if (arrivals === warmup) {
      // Peaks count from the end of the warm-up, starting from the state the pool is in then.
      windowStart = t;
      peakActive = busy;
      peakQueued = queued;
      for (const p of pools) {
        p.peakActive = p.busy;
        p.peakQueued = p.queued;
      }
    }
    arrivals++;
    if (arrivals === totalRequests) windowEnd = t;
    inSystem++;
    rArrive[r] = t;
    rDur[r] = duration;
    rClass[r] = k;
    rGroup[r] = pool.groups[tenant]!.id;
    rUser[r] = user;
    rState[r] = isMeasured ? 1 : 0;
    if (isMeasured) {
      measured++;
      pool.requests++;
      const cached = t - lastUnpooledDnsAt < dnsCache;
      if (!cached) lastUnpooledDnsAt = t;
      const setup = cached ? cachedSetup : fullSetup;
      unpooledHandshakeSec += setup;
      const ms = (setup + duration) * 1000;
      unpooledLatency.addAt(bucketOf(ms), ms);
    }
    dispatch(r, t);
  };

  // Arrival processes.
  let nextOpenArrival: () => number = () => Infinity;
  let traceRows: [number, number][] = [];
  let traceIndex = 0;
  if (arrival.kind === 'poisson') {
    const mean = 1 / arrival.perSec;
    let t = 0;
    nextOpenArrival = () => (t += rng.exponential(mean));
  } else if (arrival.kind === 'bursty') {
    // Poisson in "on-time", mapped onto the wall clock by skipping every off period.
    const mean = 1 / arrival.perSec;
    const cycle = arrival.onSec + arrival.offSec;
    let onTime = 0;
    nextOpenArrival = () => {
      onTime += rng.exponential(mean);
      const cycles = Math.floor(onTime / arrival.onSec);
      return cycles * cycle + (onTime - cycles * arrival.onSec);
    };
  } else if (arrival.kind === 'trace') {
    traceRows = arrival.rows.map(([start, duration]) => [start, duration] as [number, number]).sort((a, b) => a[0] - b[0]);
    const origin = traceRows[0]![0];
    for (const row of traceRows) row[0] -= origin;
  }
  if (arrival.kind === 'users') {
    for (let u = 0; u < arrival.users; u++) {
      // Users start spread over one think time, as they would be mid-session.
      heap.push(thinkConstant ? rng.uniform() * thinkMean : thinkTime(), u * 4 + USER, 0);
    }
  } else if (arrival.kind === 'trace') {
    heap.push(traceRows[0]![0], ARRIVAL * 1, 0);
  } else {
    heap.push(nextOpenArrival(), ARRIVAL, 0);
  }

  const sample = (t: number) => {
    while (nextSample <= t) {
      for (const g of groups) if (g.idle.size > 0) purge(g, nextSample);
      seriesT.push(nextSample);
      seriesActive.push(busy);
      seriesIdle.push(totalIdle);
      seriesQueued.push(queued);
      nextSample += sampleStep;
      if (seriesT.length >= 2 * seriesPoints) {
        const keep = (a: number[]) => a.filter((_, i) => i % 2 === 0);
        seriesT = keep(seriesT);
        seriesActive = keep(seriesActive);
        seriesIdle = keep(seriesIdle);
        seriesQueued = keep(seriesQueued);
        sampleStep *= 2;
        nextSample = seriesT[seriesT.length - 1]! + sampleStep;
      }
    }
  };

  while (heap.size > 0) {
    const t = heap.times[0]!;
    const tag = heap.tags[0]!;
    const aux = heap.auxs[0]!;
    heap.pop();
    if (++events % CHECK_EVERY === 0) {
      if (events > maxEvents) {
        throw new SimError(
          `the run needs more than ${maxEvents.toLocaleString('en-US')} events; lower sim.requests or the load`,
        );
      }
      options.onProgress?.(arrivals / totalRequests);
      if (options.shouldStop?.()) throw new SimAbortedError();
    }
    if (t >= nextSample) sample(t);
    if (windowStart >= 0 && (windowEnd < 0 || lastT < windowEnd)) {
      const from = lastT > windowStart ? lastT : windowStart;
      const to = windowEnd >= 0 && t > windowEnd ? windowEnd : t;
      if (to > from) {
        areaBusy += busy * (to - from);
        areaSystem += inSystem * (to - from);
      }
    }
    lastT = t;
    const kind = tag & 3;
    const id = tag >> 2;
    if (kind === FINISH) {
      finish(id, t);
    } else if (kind === ARRIVAL) {
      if (arrival.kind === 'trace') {
        const row = traceRows[traceIndex++]!;
        arrive(t, -1, row[1]);
        if (traceIndex < traceRows.length) heap.push(traceRows[traceIndex]![0], ARRIVAL, 0);
      } else {
        arrive(t, -1, -1);
        if (arrivals < totalRequests) heap.push(nextOpenArrival(), ARRIVAL, 0);
      }
    } else if (kind === USER) {
      if (arrivals < totalRequests) arrive(t, id, -1);
    } else {
      timeoutRequest(id, aux, t);
    }
  }
  if (events > maxEvents) {
    throw new SimError(`the run needs more than ${maxEvents.toLocaleString('en-US')} events; lower sim.requests or the load`);
  }
  options.onProgress?.(1);

  const windowSec = windowEnd > windowStart ? windowEnd - windowStart : 0;
  const groupResult = (name: string, requests: number, w: Histogram, l: Histogram, waitedCount: number): GroupResult => ({
    name,
    requests,
    pWait: requests ? waitedCount / requests : 0,
    queueWaitMs: w.stats(),
    latencyMs: l.stats(),
  });
  const poolResults = pools.map((p) => ({
    ...groupResult(p.settings.name, p.requests, p.wait, p.latency, p.waited),
    maxConnections: p.cap,
    reuseRate: p.requests - p.timeouts > 0 ? p.reused / (p.requests - p.timeouts) : 0,
    newConnections: p.newConnections,
    peakActive: p.peakActive,
    peakQueued: p.peakQueued,
    poolTimeouts: p.timeouts,
  }));
  const served = measured - poolTimeouts;
  return {
    requests: measured,
    simulatedRequests: arrivals,
    durationSec: windowSec,
    pWait: measured ? waited / measured : 0,
    queueWaitMs: wait.stats(),
    latencyMs: latency.stats(),
    reuseRate: served > 0 ? reused / served : 0,
    newConnections,
    peakActive,
    peakQueued,
    poolTimeouts,
    clientClosed,
    serverClosed,
    staleReuseRisk: s.network.serverIdleSec !== undefined && poolSettings.some((p) => p.keepaliveSec >= s.network.serverIdleSec!),
    meanActive: windowSec > 0 ? areaBusy / windowSec : 0,
    meanInSystem: windowSec > 0 ? areaSystem / windowSec : 0,
    handshakeMs: { total: handshakeSec * 1000, mean: newConnections ? (handshakeSec * 1000) / newConnections : 0 },
    unpooled: {
      latencyMs: unpooledLatency.stats(),
      handshakeMs: { total: unpooledHandshakeSec * 1000, mean: measured ? (unpooledHandshakeSec * 1000) / measured : 0 },
      savedMs: Math.max(0, (unpooledHandshakeSec - handshakeSec) * 1000),
    },
    classes: classes.map((c, k) => groupResult(c.name, classWait[k]!.count, classWait[k]!, classLatency[k]!, classWaited[k]!)),
    pools: poolResults,
    series: {
      tSec: Float64Array.from(seriesT),
      active: Float64Array.from(seriesActive),
      idle: Float64Array.from(seriesIdle),
      queued: Float64Array.from(seriesQueued),
    },
    events,
  };
}

/** Rough simulated span of the run, used only to space the time-series samples. */
function estimateDuration(s: Scenario, requests: number): number {
  const a = s.workload.arrival;
  const meanSec = s.workload.classes.reduce((sum, c, i) => sum + normalisedShares(s.workload.classes)[i]! * c.duration.meanSec, 0);
  switch (a.kind) {
    case 'poisson':
      return requests / a.perSec;
    case 'bursty':
      return (requests / a.perSec) * ((a.onSec + a.offSec) / a.onSec);
    case 'users':
      return (requests / a.users) * (a.thinkSec + meanSec);
    case 'trace': {
      let last = 0;
      let first = Infinity;
      for (const [start, duration] of a.rows) {
        last = Math.max(last, start + duration);
        first = Math.min(first, start);
      }
      return Math.max(last - first, 1e-3);
    }
  }
}
