/**
 * httpx's pool rules: httpcore 1.x (httpx 0.28) and httpcore2 (httpx2 and the official Python SDKs).
 * Paths below are in site-packages of the versions installed by scripts/python-env.sh.
 *
 * Both run `_assign_requests_to_connections` whenever a request arrives and whenever a response is
 * closed (httpcore/_async/connection_pool.py:228 and :407 in 1.0.9; httpcore2/_async/connection_pool.py:254):
 * 1. close connections whose keep-alive ran out (`has_expired`: now > expire_at, set when the
 *    response closed — httpcore/_async/http11.py:248);
 * 2. close surplus idle connections, scanning in creation order:
 *    - httpcore 1.0.9 (connection_pool.py:292-299) closes an idle connection while the count of ALL
 *      connections — busy and connecting included — exceeds max_keepalive_connections;
 *    - httpcore2 2.13.1 (connection_pool.py:293-305) closes idle connections while the count of IDLE,
 *      unreserved ones exceeds it;
 * 3. then give each queued request, oldest first, the first available connection in creation order
 *    (connection_pool.py:320-323), else a new one while fewer than max_connections exist (:324-328).
 * So in httpcore 1.x a response closing on a pool with more than max_keepalive_connections open
 * closes its own connection before the waiting request is served, and the waiter opens a new one.
 *
 * HTTP/2: a connection that is still connecting, or that has streams in use, stays "available"
 * (httpcore/_async/connection.py:175-185, http2.py:511-520), so every request of the origin goes to
 * one connection; streams beyond min(server limit, 100) (http2.py:204) wait on its semaphore
 * (http2.py:131), not in the pool, so the pool timeout does not apply to them.
 */
import type { PoolPolicy } from '../../sim/policy.ts';
import type { PoolCore } from '../../sim/pool.ts';
import { CLOSE_NO_KEEPALIVE, CLOSE_SURPLUS, CLOSE_EVICTED } from '../../sim/closeReasons.ts';
import { R_MEASURED, type Group, type PoolState } from '../../sim/store.ts';

/** httpcore 1.x (httpx 0.28) and httpcore2 (httpx2, the Python SDKs). */
export type HttpcoreRules = 'httpcore1' | 'httpcore2';

/** httpcore's own SETTINGS_MAX_CONCURRENT_STREAMS (httpcore/_async/http2.py:204, httpcore2 http2.py:184). */
const HTTPCORE_MAX_STREAMS = 100;

export class HttpcorePolicy implements PoolPolicy {
  /** httpcore 1.x counts every connection against max_keepalive_connections; httpcore2 only idle ones. */
  private readonly countAll: boolean;
  /** HTTP/2: the group's one connection and its creation number (to tell whether it is still open). */
  private readonly h2Conn: number[] = [];
  private readonly h2Seq: number[] = [];

  constructor(
    private readonly core: PoolCore,
    readonly rules: HttpcoreRules,
  ) {
    this.countAll = rules === 'httpcore1';
  }

  expiry(pool: PoolState) {
    // httpcore has no keep-alive hint handling; a server closing first shows as a readable idle
    // socket, which has_expired() treats as expired (httpcore/_async/http11.py:278-285).
    return this.core.expiryCappedByServer(pool);
  }

  streamsPerConnection(pool: PoolState): number {
    return pool.settings.protocol === 'h2' ? Math.min(pool.settings.streamsPerConnection, HTTPCORE_MAX_STREAMS) : 1;
  }

  acquire(r: number, g: Group, t: number): void {
    const core = this.core;
    this.cleanup(g, t);
    if (g.pool.streams > 1) {
      this.acquireH2(r, g, t);
      return;
    }
    const c = this.core.firstCreatedIdle(g);
    if (c >= 0) {
      this.core.takeIdle(g, c);
      core.attach(r, c, t);
      return;
    }
    const opened = core.tryOpen(g, t, (core.req.state[r]! & R_MEASURED) !== 0);
    if (opened >= 0) core.attach(r, opened, t);
    else core.enqueue(r, g, t, true);
  }

  private acquireH2(r: number, g: Group, t: number): void {
    const placed = this.placeH2(r, g, t);
    // A full connection makes r wait on its stream semaphore, outside the pool timeout.
    if (placed !== 'placed') this.core.enqueue(r, g, t, placed === 'pool');
  }

  /** r goes on the group's HTTP/2 connection, or on a new one; otherwise says which wait it joins. */
  private placeH2(r: number, g: Group, t: number): 'placed' | 'streams' | 'pool' {
    const core = this.core;
    const c = this.h2Live(g);
    if (c >= 0) {
      if (core.conn.streams[c]! >= g.pool.streams) return 'streams';
      if (core.conn.streams[c] === 0 && core.conn.idleSince[c]! >= 0) this.core.takeIdle(g, c);
      core.attach(r, c, t);
      return 'placed';
    }
    const opened = core.tryOpen(g, t, (core.req.state[r]! & R_MEASURED) !== 0);
    if (opened < 0) return 'pool';
    this.adoptH2(g, opened);
    core.attach(r, opened, t);
    return 'placed';
  }

  release(c: number, g: Group, t: number): void {
    const core = this.core;
    const conn = core.conn;
    conn.streams[c]!--;
    // A connection handed over from another tenant (pool.ts handToBlockedTenant) was opened outside
    // placeH2; httpcore sends the origin's requests to any available connection, so it becomes this
    // tenant's HTTP/2 connection once the one it had is gone.
    if (g.pool.streams > 1 && this.h2Live(g) < 0) this.adoptH2(g, c);
    if (g.pool.streams > 1 && g.queue.size > 0 && this.h2Live(g) === c) {
      // A stream slot freed on the HTTP/2 connection: the next waiting stream takes it.
      const next = core.dequeue(g);
      if (next >= 0) {
        core.handOver(c, g, next, t);
        return;
      }
    }
    if (conn.streams[c]! > 0) return;
    core.unbusy(c, g);
    if (g.pool.expireSec <= 0) {
      core.close(c, g, CLOSE_NO_KEEPALIVE);
    } else {
      core.keepIdle(c, g, t);
    }
    // The response closed: httpcore runs its assignment pass (cleanup first, then the queue).
    this.cleanup(g, t);
    this.serveQueue(g, t);
    if (g.pool.blocked.size > 0 && g.queue.size === 0 && conn.idleSince[c]! >= 0 && conn.seq[c]! >= 0) {
      this.core.takeIdle(g, c);
      if (!core.handToBlockedTenant(c, g, t, CLOSE_EVICTED)) {
        core.keepIdle(c, g, t);
      }
    }
  }

  /** Step 3 of the assignment pass for requests already waiting. */
  private serveQueue(g: Group, t: number): void {
    const core = this.core;
    while (g.queue.size > 0) {
      if (g.pool.streams > 1) {
        const live = this.h2Live(g);
        if (live >= 0 && core.conn.streams[live]! >= g.pool.streams) return;
        const r = core.dequeue(g);
        if (r < 0) return;
        if (this.placeH2(r, g, t) !== 'placed') {
          // No connection to be had (the global cap, with no idle one to evict): r keeps its place
          // in line. Queuing it again here would hand it straight back to this loop, for ever.
          core.requeueFront(g, r);
          return;
        }
        continue;
      }
      const c = this.core.firstCreatedIdle(g);
      if (c >= 0) {
        const r = core.dequeue(g);
        if (r < 0) return;
        this.core.takeIdle(g, c);
        core.attach(r, c, t);
        continue;
      }
      if (g.open >= g.cap || g.pool.open >= g.pool.cap) return;
      const r = core.dequeue(g);
      if (r < 0) return;
      core.attach(r, core.open(g, t, (core.req.state[r]! & R_MEASURED) !== 0), t);
    }
  }

  /** Steps 1 and 2 of the assignment pass: expired, then surplus idle connections, in creation order. */
  private cleanup(g: Group, t: number): void {
    if (g.idle.size === 0) return;
    this.expire(g, t);
    const core = this.core;
    while (g.idle.size > 0 && (this.countAll ? g.open : g.idle.size) > g.maxIdle) {
      const c = this.core.firstCreatedIdle(g);
      this.core.takeIdle(g, c);
      core.close(c, g, CLOSE_SURPLUS);
    }
  }

  expire(g: Group, t: number): void {
    this.core.expireIdleInOrder(g, t);
  }

  chooseConnection(g: Group, t: number): number {
    this.expire(g, t);
    return this.core.firstCreatedIdle(g);
  }

  connected(): void {}

  private adoptH2(g: Group, c: number): void {
    this.h2Conn[g.id] = c;
    this.h2Seq[g.id] = this.core.conn.seq[c]!;
  }

  /** The group's HTTP/2 connection if it is still open, else −1. */
  private h2Live(g: Group): number {
    const c = this.h2Conn[g.id] ?? -1;
    return c >= 0 && this.core.conn.seq[c] === this.h2Seq[g.id] ? c : -1;
  }
}
