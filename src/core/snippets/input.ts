/**
 * What every generator reads: the scenario's own pools, exactly as set (sizes, keep-alive,
 * protocol, tenants, pool timeout), its endpoint, and the timeouts derived from its durations.
 * The formula appears only where a client cannot use the pool as set: undici 7 runs one POST per
 * HTTP/2 connection, so it needs the HTTP/1.1 size for the same load.
 */
import { computeFormula } from '../formula.ts';
import { derivedReadTimeoutSec, readTimeoutSec } from '../path/path.ts';
import { p99Sec } from '../scenario/durations.ts';
import type { Scenario } from '../scenario/schema.ts';
import { tenantCaps } from '../scenario/tenants.ts';
import { providerShape, type ProviderShape } from './provider.ts';

export interface PoolSizing {
  name: string;
  protocol: 'h1' | 'h2';
  maxConnections: number;
  maxKeepalive: number;
  keepaliveSec: number;
  streamsPerConnection: number;
  /** The scenario's wait limit for a free connection; undefined = it waits as long as it takes. */
  poolTimeoutSec: number | undefined;
  /** 1 = one shared pool; more = one pool per tenant, each capped at `tenantMaxConnections`. */
  tenants: number;
  tenantMaxConnections: number;
  /** The pool's idle allowance split in proportion to the tenant's cap, as the simulator does. */
  tenantMaxKeepalive: number;
  /** Connections the same load needs over HTTP/1.1 (formula), whole pool and per tenant. */
  h1MaxConnections: number;
  h1TenantMaxConnections: number;
  /** Classes routed here, for comments. */
  classes: string[];
  streaming: boolean;
  /** Longest silence while reading a response: the pool's `readTimeoutSec`, else the derived one (input.readTimeoutSec). */
  readTimeoutSec: number;
  /** The pool sets its own read timeout (the derived one's explanation does not apply). */
  ownReadTimeout: boolean;
  /** The pool's own retries and TCP keep-alive, as set; undefined = the snippet's client's default. */
  maxRetries: number | undefined;
  tcpKeepaliveSec: number | undefined;
}

export interface SnippetInput {
  scenario: Scenario;
  provider: ProviderShape;
  pools: PoolSizing[];
  shareUrl?: string | undefined;
  /** Longest plausible response (about the p99 of the slowest class), seconds. */
  longestResponseSec: number;
  /**
   * The derived read / body / headers timeout, seconds: generous over the longest response, so streams
   * never hit it. What a pool without its own `readTimeoutSec` writes; generators write `pool.readTimeoutSec`.
   */
  readTimeoutSec: number;
  connectTimeoutSec: number;
}

export function buildSnippetInput(scenario: Scenario, shareUrl?: string): SnippetInput {
  const formula = computeFormula(scenario);
  const pools: PoolSizing[] = [scenario.pool, ...scenario.pools].map((p) => {
    const sized = formula.pools.find((f) => f.pool === p.name) ?? formula;
    const routed = scenario.workload.classes.filter((c) => (c.pool ?? scenario.pool.name) === p.name);
    const tenant = tenantCaps(p);
    return {
      name: p.name,
      protocol: p.protocol,
      maxConnections: p.maxConnections,
      maxKeepalive: p.maxKeepalive,
      keepaliveSec: p.keepaliveSec,
      streamsPerConnection: p.streamsPerConnection,
      poolTimeoutSec: p.poolTimeoutSec,
      tenants: p.tenants,
      tenantMaxConnections: tenant.maxConnections,
      tenantMaxKeepalive: tenant.maxKeepalive,
      h1MaxConnections: sized.maxConnections,
      h1TenantMaxConnections: sized.perTenantMaxConnections ?? sized.maxConnections,
      classes: routed.map((c) => c.name),
      streaming: routed.some((c) => c.streaming),
      readTimeoutSec: readTimeoutSec(scenario, p),
      ownReadTimeout: p.readTimeoutSec !== undefined,
      maxRetries: p.maxRetries,
      tcpKeepaliveSec: p.tcpKeepaliveSec,
    };
  });
  const longest = Math.max(...scenario.workload.classes.map((c) => p99Sec(c.duration)));
  const rttSec = scenario.network.rttMs / 1000;
  return {
    scenario,
    provider: providerShape(scenario.endpoint),
    pools,
    shareUrl,
    longestResponseSec: longest,
    readTimeoutSec: derivedReadTimeoutSec(scenario),
    connectTimeoutSec: Math.max(10, Math.ceil(rttSec * 20)),
  };
}

/** The connection cap and idle allowance of one client: the pool's, or one tenant's share of it. */
export function clientCaps(pool: PoolSizing): { maxConnections: number; maxKeepalive: number } {
  return pool.tenants > 1 ? { maxConnections: pool.tenantMaxConnections, maxKeepalive: pool.tenantMaxKeepalive } : { maxConnections: pool.maxConnections, maxKeepalive: pool.maxKeepalive };
}
