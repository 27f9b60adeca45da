/**
 * Comment texts that depend on the numbers they annotate, shared by every language. Each states
 * only what holds for this scenario: the keep-alive remark compares with the users' think time
 * only when the workload has users, and says which side of it the expiry falls on.
 */
import { formatNumber } from '../format.ts';
import type { ClientFacts, SourceRef } from '../clients/types.ts';
import type { PoolSizing, SnippetInput } from './input.ts';
import { closerRemark, probeSecFor, retryCount } from './path.ts';

const sec = (x: number) => formatNumber(x, 3);

/**
 * Why this keep-alive expiry, for the pool's idle timeout line. Against every hop of the path: when
 * one ends idle connections before this expiry (a silent one only if the snippet's TCP keep-alive
 * probes, for `client`, do not keep it), it says which, after how long and what the next request meets.
 * The number stays the scenario's (the advice proposes a clamped one elsewhere).
 */
export function keepaliveRemark(input: SnippetInput, pool: PoolSizing, client: ClientFacts): string {
  const parts: string[] = [];
  const a = input.scenario.workload.arrival;
  if (a.kind === 'users') {
    parts.push(
      pool.keepaliveSec > a.thinkSec
        ? `outlasts the users' ${sec(a.thinkSec)} s mean think time, so their next request finds a warm socket`
        : `not longer than the users' ${sec(a.thinkSec)} s mean think time: many sockets close before the user's next request`,
    );
  } else {
    parts.push(`idle ${sec(pool.keepaliveSec)} s before a socket closes`);
  }
  const closer = closerRemark(input, pool, probeSecFor(input, pool, client), retryCount(pool, client));
  if (closer) parts.push(closer);
  return parts.join('; ');
}

/** The per-tenant note: what the cap is, and that no client enforces the pool's global cap across tenants. */
export function tenantRemark(pool: PoolSizing, library: string, noun: string): string[] {
  const total = pool.tenants * pool.tenantMaxConnections;
  return [
    `one ${noun} per tenant, each capped at ${pool.tenantMaxConnections} connections with ${pool.tenantMaxKeepalive} kept idle (the pool's ${pool.maxKeepalive} idle in proportion).`,
    `${library} cannot enforce the pool's global cap of ${pool.maxConnections} connections across ${noun}s: ` +
      (total <= pool.maxConnections
        ? `${pool.tenants} tenants x ${pool.tenantMaxConnections} = ${total} stays under it only while no more than ${pool.tenants} tenants are active.`
        : `${pool.tenants} tenants x ${pool.tenantMaxConnections} = ${total} can exceed it; hold requests back in front of the ${noun}s (e.g. a semaphore of ${pool.maxConnections}) to keep it.`),
  ];
}

/** "file:line, package version": where a fact in a comment was read. */
export function cite(ref: SourceRef): string {
  return `${ref.file}:${ref.line}, ${ref.package}`;
}
