/**
 * One tenant's share of a split pool: its own connection cap (never above the pool's), and the
 * pool's idle allowance in proportion to that cap. The simulator's groups and the snippets' tenant
 * factories both size from here, so what is simulated is what is exported.
 */
import type { PoolSettings } from './schema.ts';

export interface TenantCaps {
  maxConnections: number;
  maxKeepalive: number;
}

export function tenantCaps(p: Pick<PoolSettings, 'tenants' | 'maxConnections' | 'maxKeepalive' | 'perTenantMaxConnections'>): TenantCaps {
  if (p.tenants <= 1) return { maxConnections: p.maxConnections, maxKeepalive: p.maxKeepalive };
  const cap = Math.min(p.perTenantMaxConnections ?? p.maxConnections, p.maxConnections);
  return { maxConnections: cap, maxKeepalive: Math.min(cap, Math.ceil((p.maxKeepalive * cap) / p.maxConnections)) };
}
