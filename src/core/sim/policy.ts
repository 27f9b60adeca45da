/**
 * The seam between the pool mechanics every client shares (pool.ts: connections, queues, set-up,
 * tenants' global cap) and the decisions that differ by client library. One implementation per
 * family of rules, in the client family's folder (src/core/clients/<family>/policy.ts), chosen by
 * policyFactory.ts. A policy changes the pool only through PoolCore's methods.
 */
import type { Group, PoolState } from './store.ts';

export interface PoolPolicy {
  /** The rule family's name (a key of POOL_POLICIES in the clients registry). */
  readonly rules: string;
  /**
   * Seconds an idle connection of this pool lives, and whether the server is the one closing it.
   * Called once per pool before the run.
   */
  expiry(pool: PoolState): { expireSec: number; serverExpires: boolean };
  /** Streams one connection may carry at once under these rules. */
  streamsPerConnection(pool: PoolState): number;
  /** Request r of group g asks for a connection at t: attach it (reused or new) or queue it. */
  acquire(r: number, g: Group, t: number): void;
  /** Connection c of group g has just finished a request at t: hand it on, keep it idle or close it. */
  release(c: number, g: Group, t: number): void;
  /** Close g's idle connections whose keep-alive has run out by t. */
  expire(g: Group, t: number): void;
  /** The idle connection the next request of g would get at t, or −1 (does not take it). */
  chooseConnection(g: Group, t: number): number;
  /** Connection c finished its set-up (only if the policy asked for the event). */
  connected(c: number, g: Group, t: number): void;
}
