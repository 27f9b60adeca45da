import type { PoolSettings, Scenario } from '../scenario/schema.ts';

export type PoolOverrides = Partial<Pick<PoolSettings, 'maxConnections' | 'maxKeepalive' | 'keepaliveSec' | 'protocol'>>;

/**
 * The scenario with the main pool changed, for sweeps and the target search. maxKeepalive is kept
 * within the new maxConnections so every variant stays a valid scenario.
 */
export function withPool(scenario: Scenario, overrides: PoolOverrides): Scenario {
  const pool = { ...scenario.pool, ...overrides };
  pool.maxKeepalive = Math.min(pool.maxKeepalive, pool.maxConnections);
  if (pool.perTenantMaxConnections !== undefined) pool.perTenantMaxConnections = Math.min(pool.perTenantMaxConnections, pool.maxConnections);
  return { ...scenario, pool };
}

/** The same scenario with fewer simulated requests (interactive runs), never below the schema's minimum. */
export function withRequests(scenario: Scenario, requests: number): Scenario {
  return { ...scenario, sim: { ...scenario.sim, requests: Math.max(100, Math.round(requests)) } };
}
