/**
 * aiohttp's pool rules (TCPConnector, aiohttp/connector.py in 3.14.3, the test venv):
 * - `limit` caps connections in use, `limit_per_host` those to one host (:572-593); an AI API is one
 *   host, so the pool's cap is the smaller of the two (the snippets set both to it). Idle connections
 *   are not counted, but one is only idle while nobody waits (a request takes an idle one first,
 *   :628), so open connections stay within the cap.
 * - No idle cap: every released connection joins the idle deque (:826) until keepalive_timeout.
 * - Reuse is FIFO: the connection idle longest is taken first (`popleft`, :736); one idle past
 *   keepalive_timeout, or closed by the server, is closed when picked and the next one tried
 *   (:739-760); the cleanup timer closes the rest (:420-445).
 * - A request that finds the cap reached waits (:682-722) and is woken when a connection is released
 *   (oldest waiter first), then takes an idle one: the freed connection goes to the oldest waiter.
 * - ClientTimeout.connect bounds that wait and the set-up together (:635), so the pool timeout applies.
 * - HTTP/1.1 only: one request per connection.
 */
import { CLOSE_EXPIRED } from '../../sim/closeReasons.ts';
import type { PoolPolicy } from '../../sim/policy.ts';
import type { PoolCore } from '../../sim/pool.ts';
import { R_MEASURED, type Group, type PoolState } from '../../sim/store.ts';

export type AiohttpRules = 'aiohttp';

export class AiohttpPolicy implements PoolPolicy {
  readonly rules = 'aiohttp' as const;

  constructor(private readonly core: PoolCore) {}

  expiry(pool: PoolState) {
    // No Keep-Alive hint handling: a server closing first shows as a dead connection when picked.
    return this.core.expiryCappedByServer(pool);
  }

  streamsPerConnection(): number {
    return 1;
  }

  acquire(r: number, g: Group, t: number): void {
    const core = this.core;
    const c = this.pickIdle(g, t);
    if (c >= 0) {
      core.attach(r, c, t);
      return;
    }
    const opened = core.tryOpen(g, t, (core.req.state[r]! & R_MEASURED) !== 0);
    if (opened >= 0) core.attach(r, opened, t);
    else core.enqueue(r, g, t, true);
  }

  /** `_get`: oldest idle first, closing those past keep-alive on the way; −1 if none is left. */
  private pickIdle(g: Group, t: number): number {
    const core = this.core;
    const idleSince = core.conn.idleSince;
    while (g.idle.size > 0) {
      const c = core.takeOldestIdle(g);
      if (t - idleSince[c]! <= g.pool.expireSec) return c;
      core.close(c, g, CLOSE_EXPIRED);
    }
    return -1;
  }

  release(c: number, g: Group, t: number): void {
    const core = this.core;
    core.conn.streams[c]!--;
    const next = g.queue.size > 0 ? core.dequeue(g) : -1;
    if (next >= 0) {
      core.handOver(c, g, next, t);
      return;
    }
    core.settleFreed(c, g, t, Infinity);
  }

  expire(g: Group, t: number): void {
    this.core.expireIdleInOrder(g, t);
  }

  chooseConnection(g: Group, t: number): number {
    this.expire(g, t);
    return g.idle.size > 0 ? g.idle.front() : -1;
  }

  connected(): void {}
}
