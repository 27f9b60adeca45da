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
import { acquireNewestIdle, releaseToNextInLine } from '../../sim/newestIdleFirst.ts';
import type { Group, PoolState } from '../../sim/store.ts';

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
    acquireNewestIdle(this.core, this, r, g, t, true);
  }

  release(c: number, g: Group, t: number): void {
    releaseToNextInLine(this.core, c, g, t, g.maxIdle);
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
