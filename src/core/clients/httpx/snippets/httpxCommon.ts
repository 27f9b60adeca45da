/**
 * The httpx and httpx2 modules (pool.py). httpx 0.28 and httpx2 share their API under different
 * import names; their pools differ in which idle connections they close, which the flavour's
 * clients-table entry states, so the comments next to the numbers follow the library.
 */
import type { ClientFacts } from '../../types.ts';
import { keepaliveRemark } from '../../../snippets/comments.ts';
import { header } from '../../../snippets/header.ts';
import { pyLiteral, pyString } from '../../../snippets/escape.ts';
import { clientCaps, type PoolSizing, type SnippetInput } from '../../../snippets/input.ts';
import { pyClientDefinitions, pyClientNames, pyCloseLines } from '../../../snippets/pyPools.ts';
import { cite } from '../../../snippets/comments.ts';
import { ownReadTimeoutRemark, tcpKeepalivePlan } from '../../../snippets/path.ts';
import { apiKeyFunction, pyAuthHeaders, pyTcpKeepaliveFunction, seconds } from '../../../snippets/python.ts';

export interface HttpxFlavour {
  /** The clients-table entry (`httpx` or `httpx2`). */
  client: ClientFacts;
  isAsync: boolean;
}

export function pyModule(client: ClientFacts): 'httpx' | 'httpx2' {
  return client.poolRules === 'httpcore1' ? 'httpx' : 'httpx2';
}

function keepaliveComment(client: ClientFacts, max: number, idle: number): string {
  const rule = client.snippet?.keepaliveRuleSource;
  if (client.poolRules !== 'httpcore1') return 'idle connections kept warm; only idle ones beyond this are closed';
  if (idle >= max) return 'equal to max_connections, which httpcore 1.x needs to keep connections under load';
  return `below max_connections: httpcore 1.x closes idle connections while ALL open ones exceed ${idle}, so under load reuse collapses; set it to ${max}${rule ? ` (${cite(rule)})` : ''}`;
}

function http2Line(client: ClientFacts): string {
  const m = pyModule(client);
  const oneStream = client.snippet?.h2OneStreamUntilSettings;
  return `http2=True,  # needs h2: pip install "${m}[http2]"${oneStream ? `; one stream per connection until the server announces its stream limit (${cite(oneStream)})` : ''}`;
}

export interface HttpxArgsOptions {
  isAsync: boolean;
  /** The client whose path defaults apply (an SDK's on the SDK tabs); the pool's library otherwise. */
  pathClient?: ClientFacts;
}

/**
 * `limits=`, `timeout=` and `http2=` arguments for one client of `pool`, in the flavour's module. Where
 * the path needs TCP keep-alive (or the pool sets it), limits and http2 move into a transport of the
 * module's own that carries `socket_options` (httpx ignores a client's `limits=` once it has a transport).
 */
export function limitsAndTimeout(input: SnippetInput, pool: PoolSizing, client: ClientFacts, options: HttpxArgsOptions): string[] {
  const m = pyModule(client);
  const pathClient = options.pathClient ?? client;
  const { maxConnections, maxKeepalive } = clientCaps(pool);
  const perTenant = pool.tenants > 1 ? ' for this tenant' : '';
  const own = ownReadTimeoutRemark(input, pool);
  const limits = [
    `limits=${m}.Limits(`,
    `    max_connections=${maxConnections},  # max open connections${perTenant}`,
    `    max_keepalive_connections=${maxKeepalive},  # ${keepaliveComment(client, maxConnections, maxKeepalive)}`,
    `    keepalive_expiry=${seconds(pool.keepaliveSec)},  # ${keepaliveRemark(input, pool, pathClient)}`,
    '),',
  ];
  const timeout = [
    `timeout=${m}.Timeout(`,
    `    connect=${seconds(input.connectTimeoutSec)},`,
    `    read=${seconds(pool.readTimeoutSec)},  # max silence between chunks: ${own ?? 'long streams must not hit it'}`,
    '    write=30.0,',
    pool.poolTimeoutSec !== undefined
      ? `    pool=${seconds(pool.poolTimeoutSec)},  # max wait for a free connection before ${m}.PoolTimeout`
      : `    pool=None,  # the scenario sets no pool timeout: a request waits for a free connection as long as it takes`,
    '),',
  ];
  const http2 = pool.protocol === 'h2' ? http2Line(client) : 'http2=False,  # HTTP/1.1: one request per connection at a time';
  const plan = pathClient.path.canSetTcpKeepalive ? tcpKeepalivePlan(input, pool, pathClient) : undefined;
  const sdkProbes = pathClient.path.tcpKeepaliveSec;
  if (!plan || (plan.sec === null && sdkProbes === null)) return [...limits, ...timeout, http2];
  const transport = `${m}.${options.isAsync ? 'AsyncHTTPTransport' : 'HTTPTransport'}`;
  const socketLine =
    plan.sec === null
      ? `# no socket_options: ${plan.remark} (the SDK's own transport would probe after ${sdkProbes} s idle: ${cite(pathClient.path.tcpKeepaliveSource)})`
      : `socket_options=_tcp_keepalive(${plan.sec}),  # ${plan.remark}`;
  return [
    `transport=${transport}(  # a transport of ${m}'s own, for the socket options: ${m} then reads no proxy from the environment (pass proxy= here if you need one)`,
    ...[...limits, http2, socketLine].map((l) => `    ${l}`),
    '),',
    ...timeout,
  ];
}

/** Whether any pool's client gets `_tcp_keepalive(...)` socket options (the module then defines it and imports socket). */
export function needsTcpKeepalive(input: SnippetInput, pathClient: ClientFacts): boolean {
  if (!pathClient.path.canSetTcpKeepalive) return false;
  return input.pools.some((p) => (tcpKeepalivePlan(input, p, pathClient)?.sec ?? null) !== null);
}

export function renderHttpx(input: SnippetInput, flavour: HttpxFlavour): string {
  const m = pyModule(flavour.client);
  const cls = `${m}.${flavour.isAsync ? 'AsyncClient' : 'Client'}`;
  const a = flavour.isAsync ? 'async ' : '';
  const aw = flavour.isAsync ? 'await ' : '';
  const names = pyClientNames(input);
  const main = names[0]!;
  const tenantMain = main.cache !== undefined;
  const demoClient = main.client(pyString('tenant-1'));
  const definitions = pyClientDefinitions(input, {
    type: cls,
    library: m,
    construct: (pool) => [`${cls}(`, '    base_url=BASE_URL,', ...limitsAndTimeout(input, pool, flavour.client, { isAsync: flavour.isAsync }).map((l) => `    ${l}`), ')'],
  });
  const rule = flavour.client.snippet?.keepaliveRuleSource;
  const keepalive = needsTcpKeepalive(input, flavour.client);
  const library = `${flavour.client.label} (${flavour.isAsync ? 'AsyncClient' : 'Client, synchronous'}; checked on ${flavour.client.poolLibrary}); save as pool.py`;
  const demo = `post_json(${pyString(input.provider.path)}, ${pyLiteral(input.provider.demoBody)}${tenantMain ? `, ${demoClient}` : ''})`;
  return `${header(input, '#', library, [`Keep-alive${rule ? ` (${cite(rule)})` : ''}: ${flavour.client.keepaliveRule}`])}
import os
${keepalive ? 'import socket\n' : ''}
import ${m}

BASE_URL = ${pyString(input.provider.baseUrl)}
${apiKeyFunction(input)}${keepalive ? `\n\n\n${pyTcpKeepaliveFunction()}` : ''}


# One client per pool for the whole process: a client per request would pool nothing.
${definitions}


${a}def post_json(path: str, body: dict, client: ${cls}${tenantMain ? '' : ` = ${main.exported}`}) -> ${m}.Response:
    """POST a JSON body to BASE_URL + path through a pool${tenantMain ? ` (client: ${main.exported}(tenant_id))` : ''}."""
    return ${aw}client.post(path, json=body, headers=${pyAuthHeaders(input)})


${a}def close_pools() -> None:
    """Close the pools gracefully on shutdown."""
${pyCloseLines(input, (c) => `${aw}${c}.${flavour.isAsync ? 'aclose' : 'close'}()`)
  .map((l) => `    ${l}`)
  .join('\n')}


if __name__ == "__main__":
${
  flavour.isAsync
    ? `    import asyncio

    async def _demo() -> None:
        try:
            response = await ${demo}
            print(response.status_code)
        finally:
            await close_pools()

    asyncio.run(_demo())`
    : `    try:
        response = ${demo}
        print(response.status_code)
    finally:
        close_pools()`
}
`;
}
