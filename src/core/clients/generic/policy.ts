/**
 * Generic pool rules, the default when the scenario names no client:
 * - HTTP/1.1: one request per connection; HTTP/2: up to `streamsPerConnection` streams, a new
 *   connection only when every open or opening one is full (a connection still handshaking accepts
 *   streams, as httpcore treats a connecting HTTP/2 connection as available).
 * - A finished request's connection goes to the next request in line (FIFO); otherwise it stays idle
 *   unless `maxKeepalive` idle connections are already kept (then it closes).
 * - Reuse takes the most recently idle connection, so surplus connections age out.
 * - Idle connections close after `keepaliveSec`, or the server's idle timeout when that is shorter.
 */
import type { PoolPolicy } from '../../sim/policy.ts';
import type { PoolCore } from '../../sim/pool.ts';
import { R_MEASURED, type Group, type PoolState } from '../../sim/store.ts';

export class GenericPolicy implements PoolPolicy {
  readonly rules = 'generic' as const;

  constructor(private readonly core: PoolCore) {}

  expiry(pool: PoolState) {
    return this.core.expiryCappedByServer(pool);
  }

  streamsPerConnection(pool: PoolState): number {
    return pool.settings.protocol === 'h2' ? pool.settings.streamsPerConnection : 1;
  }

  acquire(r: number, g: Group, t: number): void {
    const core = this.core;
    if (g.pool.streams > 1 && g.partial.size > 0) {
      core.attach(r, core.takePartial(g), t);
      return;
    }
    if (g.idle.size > 0) this.expire(g, t);
    if (g.idle.size > 0) {
      core.attach(r, core.takeNewestIdle(g), t);
      return;
    }
    const c = core.tryOpen(g, t, (core.req.state[r]! & R_MEASURED) !== 0);
    if (c >= 0) core.attach(r, c, t);
    else core.enqueue(r, g, t, true);
  }

  release(c: number, g: Group, t: number): void {
    const core = this.core;
    const conn = core.conn;
    const pool = g.pool;
    conn.streams[c]!--;
    const next = g.queue.size > 0 ? core.dequeue(g) : -1;
    if (next >= 0) {
      core.handOver(c, g, next, t);
      return;
    }
    if (conn.streams[c]! > 0) {
      if (pool.streams > 1) core.addPartial(g, c);
      return;
    }
    core.settleFreed(c, g, t, g.maxIdle);
  }

  expire(g: Group, t: number): void {
    this.core.expireIdleInOrder(g, t);
  }

  chooseConnection(g: Group, t: number): number {
    this.expire(g, t);
    return g.idle.size > 0 ? g.idle.back() : -1;
  }

  connected(): void {}
}
