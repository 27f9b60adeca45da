/**
 * The acquire and release steps shared by pools that reuse the most recently idle connection and
 * hand a freed one straight to the oldest waiter: the generic rules and Go's net/http. They differ
 * only in whether the pool times the wait (the scenario's pool timeout; Go's wait is bounded by the
 * request's context alone) and in how many idle connections a freed one may join.
 */
import type { PoolPolicy } from './policy.ts';
import type { PoolCore } from './pool.ts';
import { R_MEASURED, type Group } from './store.ts';

/** Request r of g asks at t: a partly used HTTP/2 connection, else the newest idle one, else a new one, else the line. */
export function acquireNewestIdle(core: PoolCore, policy: PoolPolicy, r: number, g: Group, t: number, poolTimeout: boolean): void {
  if (g.pool.streams > 1 && g.partial.size > 0) {
    core.attach(r, core.takePartial(g), t);
    return;
  }
  if (g.idle.size > 0) policy.expire(g, t);
  if (g.idle.size > 0) {
    core.attach(r, core.takeNewestIdle(g), t);
    return;
  }
  const c = core.tryOpen(g, t, (core.req.state[r]! & R_MEASURED) !== 0);
  if (c >= 0) core.attach(r, c, t);
  else core.enqueue(r, g, t, poolTimeout);
}

/** Connection c of g finished a request at t: the next in line takes it, else it keeps its other streams, else it settles (idle up to `idleCap`). */
export function releaseToNextInLine(core: PoolCore, c: number, g: Group, t: number, idleCap: number): void {
  core.conn.streams[c]!--;
  const next = g.queue.size > 0 ? core.dequeue(g) : -1;
  if (next >= 0) {
    core.handOver(c, g, next, t);
    return;
  }
  if (core.conn.streams[c]! > 0) {
    if (g.pool.streams > 1) core.addPartial(g, c);
    return;
  }
  core.settleFreed(c, g, t, idleCap);
}
