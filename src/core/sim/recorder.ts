/**
 * Every statistic of a run, and nothing else: waits and latencies (overall, per class, per pool),
 * connection counts, peaks inside the measured window, time-weighted means for Little's law, the
 * sampled time series, the no-pool baseline, and the SimResult built from them at the end.
 * The pool mechanics call it; it never changes their state.
 */
import type { Scenario } from '../scenario/schema.ts';
import { CLOSE_EXPIRED, CLOSE_PATH } from './closeReasons.ts';
import { Histogram, bucketOf } from './histogram.ts';
import { noPathCounts, type Group, type PathCounts, type PoolState } from './store.ts';
import type { GroupResult, PoolResult, SimResult } from './types.ts';
import { serverIdleSec } from '../path/path.ts';


export class Recorder {
  readonly wait = new Histogram();
  readonly latency = new Histogram();
  readonly unpooledLatency = new Histogram();
  readonly rateWait = new Histogram();
  readonly idleBeforeReuse = new Histogram();
  readonly classWait: Histogram[];
  readonly classLatency: Histogram[];
  readonly classWaited: Float64Array;
  measured = 0;
  waited = 0;
  reused = 0;
  newConnections = 0;
  handshakeSec = 0;
  unpooledHandshakeSec = 0;
  poolTimeouts = 0;
  clientClosed = 0;
  serverClosed = 0;
  pathClosed = 0;
  expiredIdle = 0;
  readonly path: PathCounts = noPathCounts();
  readonly classPath: PathCounts[];
  peakActive = 0;
  peakQueued = 0;
  /** Start of the measured window (−1 before the warm-up ends) and its end (−1 until the last arrival). */
  windowStart = -1;
  windowEnd = -1;
  private lastT = 0;
  private areaBusy = 0;
  private areaSystem = 0;

  // Time series: sampled every `step` seconds; halved in resolution whenever it outgrows its budget.
  private sampleStep: number;
  nextSample = 0;
  private seriesT: number[] = [];
  private seriesActive: number[] = [];
  private seriesIdle: number[] = [];
  private seriesQueued: number[] = [];

  constructor(
    private readonly scenario: Scenario,
    private readonly seriesPoints: number,
    estimateSec: number,
  ) {
    const classes = scenario.workload.classes;
    this.classWait = classes.map(() => new Histogram());
    this.classLatency = classes.map(() => new Histogram());
    this.classWaited = new Float64Array(classes.length);
    this.classPath = classes.map(() => noPathCounts());
    this.sampleStep = Math.max(estimateSec / seriesPoints, 1e-6);
  }

  inWindow(t: number): boolean {
    return this.windowStart >= 0 && t >= this.windowStart;
  }

  /** Peaks count from the end of the warm-up, starting from the state the pool is in then. */
  startWindow(t: number, busy: number, queued: number, pools: PoolState[]): void {
    this.windowStart = t;
    this.peakActive = busy;
    this.peakQueued = queued;
    for (const p of pools) {
      p.peakActive = p.busy;
      p.peakQueued = p.queued;
      for (const g of p.groups) g.peakOpen = g.open;
    }
  }

  noteBusy(t: number, busy: number, pool: PoolState): void {
    if (t >= this.windowStart && this.windowStart >= 0) {
      if (busy > this.peakActive) this.peakActive = busy;
      if (pool.busy > pool.peakActive) pool.peakActive = pool.busy;
    }
  }

  noteQueued(t: number, queued: number, pool: PoolState): void {
    if (t >= this.windowStart && this.windowStart >= 0) {
      if (queued > this.peakQueued) this.peakQueued = queued;
      if (pool.queued > pool.peakQueued) pool.peakQueued = pool.queued;
    }
  }

  noteOpen(t: number, group: Group): void {
    if (t >= this.windowStart && this.windowStart >= 0 && group.open > group.peakOpen) group.peakOpen = group.open;
  }

  /** A measured request got its connection at `t` (after asking at `askAt`) and will finish at `finish`. */
  served(k: number, pool: PoolState, arriveAt: number, askAt: number, t: number, finish: number, reused: boolean): void {
    const waitMs = (t - askAt) * 1000;
    const latencyMs = (finish - arriveAt) * 1000;
    const wb = bucketOf(waitMs);
    const lb = bucketOf(latencyMs);
    this.wait.addAt(wb, waitMs);
    this.latency.addAt(lb, latencyMs);
    this.classWait[k]!.addAt(wb, waitMs);
    this.classLatency[k]!.addAt(lb, latencyMs);
    pool.wait.addAt(wb, waitMs);
    pool.latency.addAt(lb, latencyMs);
    if (waitMs > 0) {
      this.waited++;
      this.classWaited[k]!++;
      pool.waited++;
    }
    if (reused) {
      this.reused++;
      pool.reused++;
    }
  }

  opened(pool: PoolState, setup: number): void {
    this.newConnections++;
    pool.newConnections++;
    this.handshakeSec += setup;
  }

  /** A connection closed: by the client, the server's idle timeout, or the path (a hop's close, or broken under a request). */
  closed(reason: number, serverSide: boolean, pathSide: boolean): void {
    if (reason === CLOSE_PATH) {
      this.pathClosed++;
      return;
    }
    if (reason === CLOSE_EXPIRED) {
      this.expiredIdle++;
      if (pathSide) {
        this.pathClosed++;
        return;
      }
      if (serverSide) {
        this.serverClosed++;
        return;
      }
    }
    this.clientClosed++;
  }

  /** One more of `what` for a measured request of class k in `pool`. */
  pathCount(k: number, pool: PoolState, what: keyof PathCounts): void {
    this.path[what]++;
    this.classPath[k]![what]++;
    pool.path[what]++;
  }

  /** A measured request ended in an error after its last attempt: it counts, with the time until the error as its latency. */
  failed(k: number, pool: PoolState, arriveAt: number, askAt: number, sentAt: number, t: number): void {
    this.pathCount(k, pool, 'failedRequests');
    this.served(k, pool, arriveAt, askAt, sentAt, t, false);
  }

  timedOut(pool: PoolState): void {
    this.poolTimeouts++;
    pool.timeouts++;
  }

  /** A measured request: what it would have cost without a pool (its own connection, no queue). */
  unpooled(setup: number, duration: number): void {
    this.unpooledHandshakeSec += setup;
    const ms = (setup + duration) * 1000;
    this.unpooledLatency.addAt(bucketOf(ms), ms);
  }

  rateLimited(waitSec: number): void {
    const ms = waitSec * 1000;
    this.rateWait.addAt(bucketOf(ms), ms);
  }

  idleReused(idleSec: number): void {
    const ms = idleSec * 1000;
    this.idleBeforeReuse.addAt(bucketOf(ms), ms);
  }

  /** Time-weighted areas (for mean active and mean in system) up to t, inside the measured window. */
  advance(t: number, busy: number, inSystem: number): void {
    const windowStart = this.windowStart;
    const windowEnd = this.windowEnd;
    const lastT = this.lastT;
    if (windowStart >= 0 && (windowEnd < 0 || lastT < windowEnd)) {
      const from = lastT > windowStart ? lastT : windowStart;
      const to = windowEnd >= 0 && t > windowEnd ? windowEnd : t;
      if (to > from) {
        this.areaBusy += busy * (to - from);
        this.areaSystem += inSystem * (to - from);
      }
    }
    this.lastT = t;
  }

  /** Appends the sample due at `nextSample` (the caller purges expired connections first). */
  sample(busy: number, idle: number, queued: number): void {
    this.seriesT.push(this.nextSample);
    this.seriesActive.push(busy);
    this.seriesIdle.push(idle);
    this.seriesQueued.push(queued);
    this.nextSample += this.sampleStep;
    if (this.seriesT.length >= 2 * this.seriesPoints) {
      const keep = (a: number[]) => a.filter((_, i) => i % 2 === 0);
      this.seriesT = keep(this.seriesT);
      this.seriesActive = keep(this.seriesActive);
      this.seriesIdle = keep(this.seriesIdle);
      this.seriesQueued = keep(this.seriesQueued);
      this.sampleStep *= 2;
      this.nextSample = this.seriesT[this.seriesT.length - 1]! + this.sampleStep;
    }
  }

  result(pools: PoolState[], simulatedRequests: number, events: number, rateLimited: boolean): SimResult {
    const s = this.scenario;
    const windowSec = this.windowEnd > this.windowStart ? this.windowEnd - this.windowStart : 0;
    const groupResult = (name: string, requests: number, w: Histogram, l: Histogram, waitedCount: number, path: PathCounts): GroupResult => ({
      name,
      requests,
      pWait: requests ? waitedCount / requests : 0,
      queueWaitMs: w.stats(),
      latencyMs: l.stats(),
      ...path,
    });
    const poolResults: PoolResult[] = pools.map((p) => ({
      ...groupResult(p.settings.name, p.requests, p.wait, p.latency, p.waited, { ...p.path }),
      maxConnections: p.cap,
      reuseRate: p.requests - p.timeouts > 0 ? p.reused / (p.requests - p.timeouts) : 0,
      newConnections: p.newConnections,
      peakActive: p.peakActive,
      peakQueued: p.peakQueued,
      poolTimeouts: p.timeouts,
      tenantPeakOpen: p.groups.map((g) => g.peakOpen),
    }));
    const measured = this.measured;
    const served = measured - this.poolTimeouts;
    const idle = this.idleBeforeReuse.stats();
    const poolSettings = [s.pool, ...s.pools];
    const serverIdle = serverIdleSec(s);
    return {
      requests: measured,
      simulatedRequests,
      durationSec: windowSec,
      pWait: measured ? this.waited / measured : 0,
      queueWaitMs: this.wait.stats(),
      latencyMs: this.latency.stats(),
      reuseRate: served > 0 ? this.reused / served : 0,
      newConnections: this.newConnections,
      peakActive: this.peakActive,
      peakQueued: this.peakQueued,
      poolTimeouts: this.poolTimeouts,
      clientClosed: this.clientClosed,
      serverClosed: this.serverClosed,
      staleReuseRisk: serverIdle !== undefined && poolSettings.some((p) => p.keepaliveSec >= serverIdle),
      meanActive: windowSec > 0 ? this.areaBusy / windowSec : 0,
      meanInSystem: windowSec > 0 ? this.areaSystem / windowSec : 0,
      handshakeMs: { total: this.handshakeSec * 1000, mean: this.newConnections ? (this.handshakeSec * 1000) / this.newConnections : 0 },
      unpooled: {
        latencyMs: this.unpooledLatency.stats(),
        handshakeMs: { total: this.unpooledHandshakeSec * 1000, mean: measured ? (this.unpooledHandshakeSec * 1000) / measured : 0 },
        savedMs: Math.max(0, (this.unpooledHandshakeSec - this.handshakeSec) * 1000),
      },
      classes: s.workload.classes.map((c, k) => groupResult(c.name, this.classWait[k]!.count, this.classWait[k]!, this.classLatency[k]!, this.classWaited[k]!, { ...this.classPath[k]! })),
      pools: poolResults,
      series: {
        tSec: Float64Array.from(this.seriesT),
        active: Float64Array.from(this.seriesActive),
        idle: Float64Array.from(this.seriesIdle),
        queued: Float64Array.from(this.seriesQueued),
      },
      events,
      idleBeforeReuseSec: { mean: idle.mean / 1000, p50: idle.p50 / 1000, p95: idle.p95 / 1000, count: this.idleBeforeReuse.count },
      expiredIdle: this.expiredIdle,
      ...this.path,
      pathClosed: this.pathClosed,
      ...(rateLimited ? { rateLimitWaitMs: this.rateWait.stats() } : {}),
    };
  }
}
