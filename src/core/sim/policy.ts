/**
 * The seam between the pool mechanics every client shares (pool.ts: connections, queues, set-up,
 * tenants' global cap) and the decisions that differ by client library. One implementation per
 * family of rules (policies/), chosen from the scenario's `client` (and, for Node's fetch, its `node`)
 * through the clients table.
 */
import { scenarioClient, type PoolRules } from '../clients.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { PoolCore } from './pool.ts';
import { GenericPolicy } from './policies/generic.ts';
import { HttpcorePolicy } from './policies/httpcore.ts';
import { UndiciPolicy } from './policies/undici.ts';
import type { Group, PoolState } from './store.ts';

export interface PoolPolicy {
  readonly rules: PoolRules;
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

export function rulesFor(s: Scenario): PoolRules {
  return scenarioClient(s)?.poolRules ?? 'generic';
}

export function createPolicy(rules: PoolRules, core: PoolCore): PoolPolicy {
  switch (rules) {
    case 'generic':
      return new GenericPolicy(core);
    case 'httpcore1':
    case 'httpcore2':
      return new HttpcorePolicy(core, rules);
    case 'undici7':
    case 'undici8':
    case 'undici8-noprobe':
      return new UndiciPolicy(core, rules);
  }
}
