/**
 * Discrete-event simulation of an HTTP connection pool: one event loop over a typed-array heap.
 * The parts live in their own modules and meet here:
 * - traffic.ts: arrivals (open, closed users, traces), request classes and durations;
 * - network.ts: what a new connection costs, with the one DNS cache;
 * - path.ts: the middleboxes' idle limits, the attempts they break, and the client's retries;
 * - pool.ts: mechanics every client shares (open, close, attach, wait line, tenants' global cap);
 * - policy.ts + the client family's policy.ts (src/core/clients/<family>/): the client's own rules (which connection, keep or close, expiry, HTTP/2),
 *   chosen by `scenario.client` through the clients table (generic rules when there is none);
 * - rateLimit.ts: the optional client-side limiter in front of the pool;
 * - recorder.ts: every statistic and the result.
 * Latency counts from arrival (rate-limit wait included); queue wait from asking the pool.
 */
import type { Scenario } from '../scenario/schema.ts';
import { SimAbortedError, SimError } from './errors.ts';
import { ARRIVAL, CONNECTED, FAIL, FINISH, KIND_BITS, KIND_MASK, RATE_READY, RETRY, TIMEOUT, USER, tag } from './events.ts';
import { EventHeap } from './heap.ts';
import { DnsCache } from './network.ts';
import { createPolicy, rulesFor } from './policyFactory.ts';
import { PoolCore } from './pool.ts';
import { rateLimiterFor } from './rateLimit.ts';
import { Recorder } from './recorder.ts';
import { Rng } from './rng.ts';
import { BROKEN_HANG, PathModel } from './path.ts';
import { R_FAILING, R_MEASURED } from './store.ts';
import { Traffic, estimateDuration } from './traffic.ts';
import { WorkBound } from './workBound.ts';
import type { SimOptions, SimResult } from './types.ts';
import { formatNumber } from '../format.ts';

/** Hard cap on events per run, so a mistyped scenario cannot hang a tab or a CI job. */
export const DEFAULT_MAX_EVENTS = 60_000_000;
const CHECK_EVERY = 65_536;

export function simulate(scenario: Scenario, options: SimOptions = {}): SimResult {
  const s = scenario;
  const rng = new Rng(s.sim.seed);
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  const traffic = new Traffic(s, rng);
  const totalRequests = traffic.totalRequests;
  const warmup = Math.floor(totalRequests * s.sim.warmupShare);
  const seriesPoints = options.seriesPoints ?? 240;
  const rec = new Recorder(s, seriesPoints, estimateDuration(s, totalRequests));
  const heap = new EventHeap(1024);
  const work = new WorkBound(maxEvents, options.shouldStop);
  const path = new PathModel(s);
  const core = new PoolCore(s, heap, rec, new DnsCache(s), work, path);
  const policy = createPolicy(rulesFor(s), core);
  core.usePolicy(policy);
  const unpooledDns = new DnsCache(s);
  const limiter = rateLimiterFor(s);
  const req = core.req;
  const groups = core.groups;
  const pools = core.pools;

  const poolIndexByName = new Map([s.pool, ...s.pools].map((p, i) => [p.name, i]));
  const classPool = new Int32Array(s.workload.classes.map((c) => poolIndexByName.get(c.pool ?? s.pool.name) ?? 0));

  let arrivals = 0;
  let events = 0;
  let inSystem = 0;

  /** A request leaves (served or timed out): a closed-loop user thinks, then asks again. */
  const requestDone = (user: number, t: number) => {
    inSystem--;
    if (user >= 0 && arrivals < totalRequests) heap.push(t + traffic.thinkTime(), tag(user, USER), 0);
  };

  const finish = (r: number, t: number) => {
    const c = req.conn[r]!;
    const group = groups[core.conn.group[c]!]!;
    const user = req.user[r]!;
    req.gen[r] = req.gen[r]! + 1;
    req.release(r);
    requestDone(user, t);
    policy.release(c, group, t);
  };

  /**
   * Request r's attempt failed on the path: its connection goes back through the policy (the core
   * closes it, or opens a fresh one in its place for the next in line); the client retries after its
   * backoff or the request ends in an error.
   */
  const fail = (r: number, t: number) => {
    const c = req.conn[r]!;
    const group = groups[core.conn.group[c]!]!;
    const pool = group.pool;
    const hung = core.conn.broken[c] === BROKEN_HANG;
    req.state[r] = req.state[r]! & ~R_FAILING;
    policy.release(c, group, t);
    const measured = (req.state[r]! & R_MEASURED) !== 0;
    const done = req.retries[r]!;
    if (path.retries(pool.index, done, hung)) {
      req.retries[r] = done + 1;
      if (measured) rec.pathCount(req.klass[r]!, pool, 'retries');
      // A new generation: a pool-timeout event left from an earlier attempt's wait cannot end this one.
      req.gen[r] = req.gen[r]! + 1;
      heap.push(t + path.backoffSec(done), tag(r, RETRY), req.gen[r]!);
      return;
    }
    if (measured) rec.failed(req.klass[r]!, pool, req.arrive[r]!, req.ask[r]!, req.sent[r]!, t);
    const user = req.user[r]!;
    req.gen[r] = req.gen[r]! + 1;
    req.release(r);
    requestDone(user, t);
  };

  /** A new request arrives at t: draw its class, pool, tenant and duration, then ask the pool (or the limiter). */
  const arrive = (t: number, user: number, traceDuration: number) => {
    const r = req.alloc();
    const k = traffic.pickClass();
    const pool = pools[classPool[k]!]!;
    const tenants = pool.groups.length;
    const tenant = tenants === 1 ? 0 : user >= 0 ? user % tenants : Math.floor(rng.uniform() * tenants);
    const duration = traceDuration >= 0 ? traceDuration : traffic.sampleDuration(k);
    const isMeasured = arrivals >= warmup;
    if (arrivals === warmup) rec.startWindow(t, core.busy, core.queued, pools);
    arrivals++;
    if (arrivals === totalRequests) rec.windowEnd = t;
    inSystem++;
    req.arrive[r] = t;
    req.ask[r] = t;
    req.duration[r] = duration;
    req.klass[r] = k;
    req.group[r] = pool.groups[tenant]!.id;
    req.user[r] = user;
    req.state[r] = isMeasured ? R_MEASURED : 0;
    req.retries[r] = 0;
    if (isMeasured) {
      rec.measured++;
      pool.requests++;
      rec.unpooled(unpooledDns.setup(t), duration);
    }
    if (limiter) {
      const wait = limiter.take(t);
      if (isMeasured) rec.rateLimited(wait);
      if (wait > 0) {
        req.ask[r] = t + wait;
        heap.push(t + wait, tag(r, RATE_READY), 0);
        return;
      }
    }
    policy.acquire(r, groups[req.group[r]!]!, t);
  };

  // Arrival processes.
  const traceRows = traffic.traceRows;
  let traceIndex = 0;
  if (traffic.isUsers) {
    for (let u = 0; u < traffic.users; u++) heap.push(traffic.firstUserDelay(), tag(u, USER), 0);
  } else if (traffic.isTrace) {
    heap.push(traceRows[0]![0], tag(0, ARRIVAL), 0);
  } else {
    heap.push(traffic.nextOpenArrival(), tag(0, ARRIVAL), 0);
  }

  const tooMany = () => new SimError(`the run needs more than ${formatNumber(maxEvents, 0)} events; lower sim.requests or the load`);

  while (heap.size > 0) {
    const t = heap.times[0]!;
    const tg = heap.tags[0]!;
    const aux = heap.auxs[0]!;
    heap.pop();
    work.step();
    if (++events % CHECK_EVERY === 0) {
      if (events > maxEvents) throw tooMany();
      options.onProgress?.(arrivals / totalRequests);
      if (options.shouldStop?.()) throw new SimAbortedError();
    }
    if (t >= rec.nextSample) {
      while (rec.nextSample <= t) {
        core.expireAll(rec.nextSample);
        rec.sample(core.busy, core.totalIdle, core.queued);
      }
    }
    rec.advance(t, core.busy, inSystem);
    const kind = tg & KIND_MASK;
    const id = tg >> KIND_BITS;
    if (kind === FINISH) {
      finish(id, t);
    } else if (kind === ARRIVAL) {
      if (traffic.isTrace) {
        const row = traceRows[traceIndex++]!;
        arrive(t, -1, row[1]);
        if (traceIndex < traceRows.length) heap.push(traceRows[traceIndex]![0], tag(0, ARRIVAL), 0);
      } else {
        arrive(t, -1, -1);
        if (arrivals < totalRequests) heap.push(traffic.nextOpenArrival(), tag(0, ARRIVAL), 0);
      }
    } else if (kind === USER) {
      if (arrivals < totalRequests) arrive(t, id, -1);
    } else if (kind === TIMEOUT) {
      if (core.timeout(id, aux)) {
        const user = req.user[id]!;
        req.gen[id] = req.gen[id]! + 1;
        requestDone(user, t);
      }
    } else if (kind === RATE_READY) {
      policy.acquire(id, groups[req.group[id]!]!, t);
    } else if (kind === FAIL) {
      if (req.gen[id] === aux) fail(id, t);
    } else if (kind === RETRY) {
      if (req.gen[id] === aux) {
        req.ask[id] = t;
        policy.acquire(id, groups[req.group[id]!]!, t);
      }
    } else if (kind === CONNECTED) {
      if (core.conn.seq[id] === aux) policy.connected(id, groups[core.conn.group[id]!]!, t);
    }
  }
  if (events > maxEvents) throw tooMany();
  options.onProgress?.(1);
  return rec.result(pools, arrivals, events, limiter !== null);
}
