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
import { apiKeyFunction, pyAuthHeaders, seconds } from '../../../snippets/python.ts';

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

/** `limits=`, `timeout=` and `http2=` arguments for one client of `pool`, in the flavour's module. */
export function limitsAndTimeout(input: SnippetInput, pool: PoolSizing, client: ClientFacts): string[] {
  const m = pyModule(client);
  const { maxConnections, maxKeepalive } = clientCaps(pool);
  const perTenant = pool.tenants > 1 ? ' for this tenant' : '';
  return [
    `limits=${m}.Limits(`,
    `    max_connections=${maxConnections},  # max open connections${perTenant}`,
    `    max_keepalive_connections=${maxKeepalive},  # ${keepaliveComment(client, maxConnections, maxKeepalive)}`,
    `    keepalive_expiry=${seconds(pool.keepaliveSec)},  # ${keepaliveRemark(input, pool)}`,
    '),',
    `timeout=${m}.Timeout(`,
    `    connect=${seconds(input.connectTimeoutSec)},`,
    `    read=${seconds(input.readTimeoutSec)},  # max silence between chunks: long streams must not hit it`,
    '    write=30.0,',
    pool.poolTimeoutSec !== undefined
      ? `    pool=${seconds(pool.poolTimeoutSec)},  # max wait for a free connection before ${m}.PoolTimeout`
      : `    pool=None,  # the scenario sets no pool timeout: a request waits for a free connection as long as it takes`,
    '),',
    pool.protocol === 'h2' ? http2Line(client) : 'http2=False,  # HTTP/1.1: one request per connection at a time',
  ];
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
    construct: (pool) => [`${cls}(`, '    base_url=BASE_URL,', ...limitsAndTimeout(input, pool, flavour.client).map((l) => `    ${l}`), ')'],
  });
  const rule = flavour.client.snippet?.keepaliveRuleSource;
  const library = `${flavour.client.label} (${flavour.isAsync ? 'AsyncClient' : 'Client, synchronous'}; checked on ${flavour.client.poolLibrary}); save as pool.py`;
  const demo = `post_json(${pyString(input.provider.path)}, ${pyLiteral(input.provider.demoBody)}${tenantMain ? `, ${demoClient}` : ''})`;
  return `${header(input, '#', library, [`Keep-alive${rule ? ` (${cite(rule)})` : ''}: ${flavour.client.keepaliveRule}`])}
import os

import ${m}

BASE_URL = ${pyString(input.provider.baseUrl)}
${apiKeyFunction(input)}


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
