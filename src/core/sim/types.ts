/**
 * The simulator's contract: what `simulate` returns. The CLI prints it as JSON (`simResultToJson`),
 * the worker posts it to the page (time series as transferable typed arrays), charts read it.
 * Names follow issue #3 and must not change without updating every reader.
 */

/** Summary of a distribution in milliseconds (or the unit its field name says). */
export interface Stats {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What the path between client and API cost (issue #17); all zero without middleboxes. */
export interface PathResult {
  /** Attempts sent on a connection a hop had closed or forgotten. */
  staleReuse: number;
  /** Requests that waited out a read timeout at least once. */
  hungRequests: number;
  /** Attempts beyond the first. */
  retries: number;
  /** Requests that ended in an error after all retries (counted in latency up to the error). */
  failedRequests: number;
}

/** Figures for one request class or one pool. */
export interface GroupResult extends PathResult {
  name: string;
  requests: number;
  pWait: number;
  queueWaitMs: Stats;
  latencyMs: Stats;
}

export interface PoolResult extends GroupResult {
  maxConnections: number;
  reuseRate: number;
  newConnections: number;
  peakActive: number;
  peakQueued: number;
  poolTimeouts: number;
  /** Most connections each tenant held open at once in the measured period (one entry when there are no tenants). */
  tenantPeakOpen: number[];
}

/** How long connections sat idle before a request reused them, in seconds. */
export interface IdleStats {
  mean: number;
  p50: number;
  p95: number;
  /** Reuses of an idle connection measured (HTTP/2 streams joining a busy connection are not counted). */
  count: number;
}

/** Sampled pool state over simulated time, for charts. All arrays have the same length. */
export interface SimSeries {
  tSec: Float64Array;
  active: Float64Array;
  idle: Float64Array;
  queued: Float64Array;
}

export interface UnpooledBaseline {
  /** Latency when every request opens its own connection (no pool, no queue). */
  latencyMs: Stats;
  handshakeMs: { total: number; mean: number };
  /** Aggregate handshake time pooling saved over the measured requests. */
  savedMs: number;
}

export interface SimResult extends PathResult {
  /** Connections the path closed: a hop's FIN/RST while idle, or broken under a request. */
  pathClosed: number;
  /** Requests measured (after the warm-up period). */
  requests: number;
  /** Requests simulated in all, warm-up included. */
  simulatedRequests: number;
  /** Simulated time covered by the measured requests, in seconds. */
  durationSec: number;
  /** Share of measured requests that had to queue for a connection. */
  pWait: number;
  queueWaitMs: Stats;
  /** Queue wait + connection set-up (if any) + response time. */
  latencyMs: Stats;
  /** Share of measured requests served on an already-open connection. */
  reuseRate: number;
  newConnections: number;
  peakActive: number;
  peakQueued: number;
  poolTimeouts: number;
  /** Connections closed by the client: idle past keepaliveSec or beyond maxKeepalive. */
  clientClosed: number;
  /** Connections closed by the server's idle timeout while the client still held them. */
  serverClosed: number;
  /** A server idle timeout at or below the client's keep-alive: reuse may hit a connection the server just closed. */
  staleReuseRisk: boolean;
  /** Mean connections busy over the measured period (for Little's law checks). */
  meanActive: number;
  /** Mean requests in the system (queued + in service) over the measured period. */
  meanInSystem: number;
  handshakeMs: { total: number; mean: number };
  unpooled: UnpooledBaseline;
  classes: GroupResult[];
  pools: PoolResult[];
  series: SimSeries;
  /** Events processed, for benchmarks and the event cap. */
  events: number;
  /** Idle time of a connection before it was reused: what the keep-alive must outlast. */
  idleBeforeReuseSec: IdleStats;
  /** Connections closed because they sat idle past the keep-alive (the client's or the server's, whichever came first). */
  expiredIdle: number;
  /** Wait for the client-side rate limiter before asking the pool (only when scenario.rateLimit.simulate is on). */
  rateLimitWaitMs?: Stats;
}

export interface SimOptions {
  /** Called now and then with the fraction of requests simulated, 0..1. */
  onProgress?: (fraction: number) => void;
  /** Polled between event batches; returning true stops the run with a SimAbortedError. */
  shouldStop?: () => boolean;
  /** Cap on processed events (default DEFAULT_MAX_EVENTS); exceeding it throws a SimError. */
  maxEvents?: number;
  /** Number of samples in the time series (default 240). */
  seriesPoints?: number;
}
