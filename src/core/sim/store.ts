/**
 * The simulator's state in typed arrays indexed by id — requests and connections — so the hot path
 * allocates nothing. Slots are recycled through free lists; arrays double when full, so readers must
 * load them from the store after any allocation, never keep one across it.
 */
import type { PoolSettings } from '../scenario/schema.ts';
import type { IntDeque } from './deque.ts';
import type { Histogram } from './histogram.ts';

function grown<T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T {
  const b = make(a.length * 2);
  b.set(a);
  return b;
}

/** Request state bits (rState). */
export const R_MEASURED = 1;
export const R_QUEUED = 2;
export const R_TIMED_OUT = 4;
/** The current attempt will fail (a FAIL event, not a FINISH, ends it). */
export const R_FAILING = 8;
/** The request waited out a read timeout at least once. */
export const R_HUNG = 16;

export class Requests {
  /** Arrival time (latency counts from here). */
  arrive: Float64Array;
  /** When the request asked the pool for a connection (after any rate-limit wait; queue wait counts from here). */
  ask: Float64Array;
  duration: Float64Array;
  klass: Int32Array;
  group: Int32Array;
  /** Closed-loop user id, or −1 for open arrivals. */
  user: Int32Array;
  conn: Int32Array;
  /** Bumped when the slot is released, so stale timeout events are recognised. */
  gen: Int32Array;
  /** R_MEASURED | R_QUEUED | R_TIMED_OUT | R_FAILING | R_HUNG. */
  state: Int32Array;
  /** Attempts made after the first (retries). */
  retries: Int32Array;
  /** When the current attempt got its connection (a failed request's wait counts to here). */
  sent: Float64Array;
  private free: number[] = [];
  private next = 0;

  constructor(capacity = 1024) {
    this.arrive = new Float64Array(capacity);
    this.ask = new Float64Array(capacity);
    this.duration = new Float64Array(capacity);
    this.klass = new Int32Array(capacity);
    this.group = new Int32Array(capacity);
    this.user = new Int32Array(capacity);
    this.conn = new Int32Array(capacity);
    this.gen = new Int32Array(capacity);
    this.state = new Int32Array(capacity);
    this.retries = new Int32Array(capacity);
    this.sent = new Float64Array(capacity);
  }

  alloc(): number {
    if (this.free.length) return this.free.pop()!;
    if (this.next === this.arrive.length) {
      const f = (n: number) => new Float64Array(n);
      const i = (n: number) => new Int32Array(n);
      this.arrive = grown(this.arrive, f);
      this.ask = grown(this.ask, f);
      this.duration = grown(this.duration, f);
      this.klass = grown(this.klass, i);
      this.group = grown(this.group, i);
      this.user = grown(this.user, i);
      this.conn = grown(this.conn, i);
      this.gen = grown(this.gen, i);
      this.state = grown(this.state, i);
      this.retries = grown(this.retries, i);
      this.sent = grown(this.sent, f);
    }
    return this.next++;
  }

  release(r: number): void {
    this.free.push(r);
  }
}

export class Connections {
  /** When the connection last became idle; −1 while it has never been idle since its last use. */
  idleSince: Float64Array;
  setupEnd: Float64Array;
  group: Int32Array;
  /** Streams (requests) in progress on it. */
  streams: Int32Array;
  /** 1 while listed in its group's `partial` deque (HTTP/2, generic rules). */
  partial: Int32Array;
  /** Creation order within the run: the libraries scan their connections in this order. */
  seq: Int32Array;
  /** BROKEN_* (sim/path.ts): the path closed or forgot it under a request; it must not be used again. */
  broken: Int32Array;
  private free: number[] = [];
  private next = 0;
  private seqNext = 0;

  constructor(capacity = 256) {
    this.idleSince = new Float64Array(capacity);
    this.setupEnd = new Float64Array(capacity);
    this.group = new Int32Array(capacity);
    this.streams = new Int32Array(capacity);
    this.partial = new Int32Array(capacity);
    this.seq = new Int32Array(capacity);
    this.broken = new Int32Array(capacity);
  }

  alloc(): number {
    let c: number;
    if (this.free.length) c = this.free.pop()!;
    else {
      if (this.next === this.idleSince.length) {
        const f = (n: number) => new Float64Array(n);
        const i = (n: number) => new Int32Array(n);
        this.idleSince = grown(this.idleSince, f);
        this.setupEnd = grown(this.setupEnd, f);
        this.group = grown(this.group, i);
        this.streams = grown(this.streams, i);
        this.partial = grown(this.partial, i);
        this.seq = grown(this.seq, i);
        this.broken = grown(this.broken, i);
      }
      c = this.next++;
    }
    this.seq[c] = this.seqNext++;
    return c;
  }

  release(c: number): void {
    this.streams[c] = 0;
    this.broken[c] = 0;
    this.free.push(c);
  }
}

/** One pool of the scenario (the main one or a named extra) and its running figures. */
export interface PoolState {
  index: number;
  settings: PoolSettings;
  cap: number;
  open: number;
  /** Streams a connection may carry at once under this pool's rules (1 for HTTP/1.1). */
  streams: number;
  /** Seconds an idle connection lives under this pool's rules (0 = closed as soon as it is free). */
  expireSec: number;
  /** Whether expiry is the server's doing (its idle timeout comes first) rather than the client's. */
  serverExpires: boolean;
  /** Whether expiry is a middlebox's close (a FIN/RST hop's limit comes first). */
  pathExpires: boolean;
  groups: Group[];
  /** Groups whose head request waits only for the global cap (multi-tenant). */
  blocked: IntDeque;
  busy: number;
  queued: number;
  wait: Histogram;
  latency: Histogram;
  requests: number;
  waited: number;
  reused: number;
  newConnections: number;
  peakActive: number;
  peakQueued: number;
  timeouts: number;
  /** What the path cost this pool's measured requests (sim/path.ts). */
  path: PathCounts;
}

/** Per class, per pool and in total: what the path between client and API cost (issue #17). */
export interface PathCounts {
  /** Attempts sent on a connection a hop had closed or forgotten. */
  staleReuse: number;
  /** Requests that waited out a read timeout at least once. */
  hungRequests: number;
  /** Attempts beyond the first. */
  retries: number;
  /** Requests that ended in an error after all retries. */
  failedRequests: number;
}

export function noPathCounts(): PathCounts {
  return { staleReuse: 0, hungRequests: 0, retries: 0, failedRequests: 0 };
}

/** One tenant's pool inside a PoolState (a single group when there are no tenants). */
export interface Group {
  id: number;
  pool: PoolState;
  cap: number;
  maxIdle: number;
  open: number;
  /** Most open connections this tenant held at once in the measured period. */
  peakOpen: number;
  /** Idle connections, in the order the policy keeps them. */
  idle: IntDeque;
  /** Requests waiting for a connection, oldest first. */
  queue: IntDeque;
  /** HTTP/2 connections with a free stream and at least one in use (or still handshaking). */
  partial: IntDeque;
  blockedListed: boolean;
}
