/**
 * OkHttp's pool rules (3.13.1; the same in 4.x and 5.x):
 * - The Dispatcher runs at most maxRequestsPerHost asynchronous calls per host (Dispatcher.java:191
 *   -192); the rest wait in its ready queue, oldest first, untimed (a call's timeout starts when it
 *   runs). Here the scenario's max connections is that per-host cap: it counts calls, so over
 *   HTTP/2 it binds with one connection open.
 * - A running call takes the first eligible pooled connection in creation order
 *   (ConnectionPool.java:117), else connects a new one: the pool itself caps nothing while busy.
 * - A connection going idle stays; the cleanup then closes the one idle longest while more than
 *   maxIdleConnections are idle, or once idle past keepAliveDuration (ConnectionPool.java:219).
 * - HTTP/2: a connection carries up to the server's stream limit (RealConnection.java:205).
 */
import { CLOSE_SURPLUS } from '../../sim/closeReasons.ts';
import type { PoolPolicy } from '../../sim/policy.ts';
import type { PoolCore } from '../../sim/pool.ts';
import { R_MEASURED, type Group, type PoolState } from '../../sim/store.ts';

export type OkHttpRules = 'okhttp';

export class OkHttpPolicy implements PoolPolicy {
  readonly rules = 'okhttp' as const;
  /** Calls the Dispatcher runs, per group (the cap counts these, not connections). */
  private readonly running: number[] = [];

  constructor(private readonly core: PoolCore) {}

  expiry(pool: PoolState) {
    return this.core.expiryCappedByServer(pool);
  }

  streamsPerConnection(pool: PoolState): number {
    return pool.settings.protocol === 'h2' && this.core.tls ? pool.settings.streamsPerConnection : 1;
  }

  acquire(r: number, g: Group, t: number): void {
    const core = this.core;
    const running = this.running[g.id] ?? 0;
    if (running >= g.cap || !this.place(r, g, t)) {
      // Waits in the Dispatcher's queue: nothing times it.
      core.enqueue(r, g, t, false);
      return;
    }
    this.running[g.id] = running + 1;
  }

  /** r runs: on a connection with a free stream, the first idle one in creation order, or a new one. */
  private place(r: number, g: Group, t: number): boolean {
    const core = this.core;
    if (g.pool.streams > 1 && g.partial.size > 0) {
      core.attach(r, core.takePartial(g), t);
      return true;
    }
    this.expire(g, t);
    const c = this.core.firstCreatedIdle(g);
    if (c >= 0) {
      core.takeIdle(g, c);
      core.attach(r, c, t);
      return true;
    }
    const opened = core.tryOpen(g, t, (core.req.state[r]! & R_MEASURED) !== 0);
    if (opened < 0) return false;
    core.attach(r, opened, t);
    return true;
  }

  release(c: number, g: Group, t: number): void {
    const core = this.core;
    core.conn.streams[c]!--;
    // The finished call's slot goes to the oldest queued call, which finds c free in the pool.
    const next = g.queue.size > 0 ? core.dequeue(g) : -1;
    if (next >= 0) {
      core.handOver(c, g, next, t);
      return;
    }
    this.running[g.id] = (this.running[g.id] ?? 1) - 1;
    if (core.conn.streams[c]! > 0) {
      core.addPartial(g, c);
      return;
    }
    core.settleFreed(c, g, t, Infinity);
    // The cleanup closes the connection idle longest while too many are idle.
    while (g.idle.size > g.maxIdle) core.close(core.takeOldestIdle(g), g, CLOSE_SURPLUS);
  }

  expire(g: Group, t: number): void {
    this.core.expireIdleInOrder(g, t);
  }

  chooseConnection(g: Group, t: number): number {
    this.expire(g, t);
    return this.core.firstCreatedIdle(g);
  }

  connected(): void {}
}
