/**
 * The TCPConnector and ClientTimeout arguments of one pool, shared by the raw aiohttp module and
 * the LiteLLM settings: aiohttp has no HTTP/2 and no idle cap, and its connect timeout covers the
 * wait for a free connection as well as the set-up.
 */
import { cite, keepaliveRemark } from '../../../snippets/comments.ts';
import { ownReadTimeoutRemark, tcpKeepalivePlan } from '../../../snippets/path.ts';
import { AIOHTTP_CLIENT } from '../facts.ts';
import { clientCaps, type PoolSizing, type SnippetInput } from '../../../snippets/input.ts';
import { seconds } from '../../../snippets/python.ts';

/** Connections the pool may use: the scenario's cap, or over HTTP/2 the HTTP/1.1 size for the same load (aiohttp has no HTTP/2). */
export function aiohttpLimit(pool: PoolSizing): { limit: number; note: string } {
  const cap = clientCaps(pool).maxConnections;
  if (pool.protocol !== 'h2') return { limit: cap, note: '' };
  const h1 = pool.tenants > 1 ? pool.h1TenantMaxConnections : pool.h1MaxConnections;
  return cap >= h1
    ? { limit: cap, note: `; not below the ${h1} an HTTP/1.1 pool needs for this load, as aiohttp speaks HTTP/1.1 only` }
    : { limit: h1, note: `: the HTTP/1.1 size for this load, not the scenario's HTTP/2 ${cap}, as aiohttp speaks HTTP/1.1 only` };
}

/** The argument lines of aiohttp.TCPConnector(...) for one client of `pool`. */
export function connectorArgs(input: SnippetInput, pool: PoolSizing): string[] {
  const { limit, note } = aiohttpLimit(pool);
  const perTenant = pool.tenants > 1 ? ' for this tenant' : '';
  return [
    `limit=${limit},  # max connections in use${perTenant}${note}`,
    `limit_per_host=${limit},  # the API is one host: the same cap (aiohttp's default 0 sets none)`,
    `keepalive_timeout=${seconds(pool.keepaliveSec)},  # ${keepaliveRemark(input, pool, AIOHTTP_CLIENT)}; no idle cap: the scenario's ${clientCaps(pool).maxKeepalive} kept idle has no aiohttp setting`,
    ...socketFactoryLine(input, pool),
  ];
}

/** TCP keep-alive through `socket_factory` (aiohttp >= 3.12), where the path needs it or the pool sets it; aiohttp sets none itself. */
function socketFactoryLine(input: SnippetInput, pool: PoolSizing): string[] {
  const plan = tcpKeepalivePlan(input, pool, AIOHTTP_CLIENT);
  if (!plan || plan.sec === null) return [];
  return [`socket_factory=_tcp_keepalive_socket(${plan.sec}),  # ${plan.remark}; aiohttp >= 3.12 (${cite(AIOHTTP_CLIENT.path.tcpKeepaliveSource)})`];
}

/** Whether some pool's connector gets the keep-alive socket factory (the module then defines it). */
export function needsSocketFactory(input: SnippetInput): boolean {
  return input.pools.some((p) => (tcpKeepalivePlan(input, p, AIOHTTP_CLIENT)?.sec ?? null) !== null);
}

/** The argument lines of aiohttp.ClientTimeout(...). */
export function timeoutArgs(input: SnippetInput, pool: PoolSizing): string[] {
  return [
    "total=None,  # no deadline on a whole request (aiohttp's default is 300 s): long streams must not hit it",
    pool.poolTimeoutSec !== undefined
      ? `connect=${seconds(pool.poolTimeoutSec + input.connectTimeoutSec)},  # aiohttp's connect timeout bounds the wait for a free connection AND a new connection's set-up: the scenario's ${seconds(pool.poolTimeoutSec)} s pool timeout plus the connect timeout`
      : 'connect=None,  # the scenario sets no pool timeout: a request waits for a free connection as long as it takes (aiohttp times that wait with this connect timeout)',
    `sock_connect=${seconds(input.connectTimeoutSec)},  # TCP and TLS set-up of a new connection`,
    `sock_read=${seconds(pool.readTimeoutSec)},  # max silence between chunks: ${ownReadTimeoutRemark(input, pool) ?? 'long streams must not hit it'}`,
  ];
}
