/** What the audit found, written into a scenario: the client and its pool, so simulation follows the code. */
import { findClient } from '../clients/registry.ts';
import { LIMITS, type PoolSettings, type Scenario } from '../scenario/schema.ts';
import type { AuditClient, AuditPool } from './types.ts';

/** The scenario pool for an audited pool, or the reason it cannot be one (a field the code decides at run time). */
export function auditedPool(pool: AuditPool, base: PoolSettings, clientId: string): PoolSettings | string {
  const fields = ['maxConnections', 'maxKeepalive', 'keepaliveSec', 'poolTimeoutSec', 'perHost'] as const;
  const open = fields.filter((f) => pool[f] === 'unknown');
  if (open.length > 0 || pool.protocol === 'unknown') return `unknown ${[...open, ...(pool.protocol === 'unknown' ? ['protocol'] : [])].join(', ')}`;
  const num = (f: (typeof fields)[number]): number | null => pool[f] as number | null;
  // An uncapped pool is modelled with the schema's largest cap: it never binds. One API host: the per-host cap binds too.
  const caps = [num('maxConnections'), num('perHost')].filter((c): c is number => c !== null);
  const maxConnections = Math.max(1, Math.min(LIMITS.connections, Math.floor(Math.min(LIMITS.connections, ...caps))));
  const keepalive = num('maxKeepalive');
  const next: PoolSettings = {
    ...base,
    protocol: pool.protocol,
    maxConnections,
    maxKeepalive: Math.max(0, Math.min(maxConnections, keepalive === null ? maxConnections : Math.floor(keepalive))),
    // No expiry (Go's IdleConnTimeout 0, httpx's keepalive_expiry=None) is modelled with the schema's longest: idle connections stay.
    keepaliveSec: Math.min(LIMITS.keepaliveSec, Math.max(0, num('keepaliveSec') ?? LIMITS.keepaliveSec)),
    streamsPerConnection: findClient(clientId)?.defaults.streamsPerConnection ?? base.streamsPerConnection,
  };
  const timeout = num('poolTimeoutSec');
  if (timeout === null || timeout <= 0) delete next.poolTimeoutSec;
  else next.poolTimeoutSec = Math.min(LIMITS.keepaliveSec, timeout);
  return next;
}

/** The scenario with the audited client and its first pool; a string says why it cannot be applied. */
export function auditedScenario(s: Scenario, client: AuditClient): Scenario | string {
  if (!findClient(client.client)) return `the clients table has no "${client.client}"`;
  const first = client.pools[0];
  if (!first) return 'no pool: the code fails before it builds one';
  const pool = auditedPool(first, s.pool, client.client);
  if (typeof pool === 'string') return pool;
  return { ...s, client: client.client as Scenario['client'], pool };
}
