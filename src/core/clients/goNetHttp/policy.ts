/**
 * Go net/http's pool rules (http.Transport, Go 1.19.8 src/net/http/transport.go):
 * - A request takes the most recently used idle connection of its host (`list[len(list)-1]`,
 *   :1038), skipping and closing those idle past IdleConnTimeout.
 * - None idle: it dials at once when MaxConnsPerHost is 0 (:1418), else while fewer than
 *   MaxConnsPerHost are open; otherwise it waits (connsPerHostWait, :1438) and nothing but its
 *   context times that wait.
 * - A freed connection goes first to a request waiting for one (:936); otherwise it joins the idle
 *   list unless MaxIdleConnsPerHost (default 2) are idle already, and then it is closed
 *   (errTooManyIdleHost, :975). MaxIdleConns caps idle connections over all hosts (:985); a
 *   pool here is one API host, and the snippets set it equal to the per-host cap.
 * - HTTP/2 only over TLS (ALPN): a connection takes streams up to the server's limit, and past it
 *   Go opens another rather than wait (StrictMaxConcurrentStreams off, h2_bundle.go:7629). HTTP/2
 *   connections are not subject to the per-host idle cap (the h2 pool keeps them until idle timeout).
 */
import type { PoolPolicy } from '../../sim/policy.ts';
import type { PoolCore } from '../../sim/pool.ts';
import { acquireNewestIdle, releaseToNextInLine } from '../../sim/newestIdleFirst.ts';
import type { Group, PoolState } from '../../sim/store.ts';

export type GoNetHttpRules = 'go-nethttp';

export class GoNetHttpPolicy implements PoolPolicy {
  readonly rules = 'go-nethttp' as const;

  constructor(private readonly core: PoolCore) {}

  expiry(pool: PoolState) {
    return this.core.expiryCappedByServer(pool);
  }

  streamsPerConnection(pool: PoolState): number {
    // Without TLS there is no ALPN: Go speaks HTTP/1.1 (no h2c unless asked for).
    return pool.settings.protocol === 'h2' && this.core.tls ? pool.settings.streamsPerConnection : 1;
  }

  acquire(r: number, g: Group, t: number): void {
    // Only the request's context bounds this wait: no pool timeout.
    acquireNewestIdle(this.core, this, r, g, t, false);
  }

  release(c: number, g: Group, t: number): void {
    // HTTP/2 connections are not held to the per-host idle cap.
    releaseToNextInLine(this.core, c, g, t, g.pool.streams > 1 ? Infinity : g.maxIdle);
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
