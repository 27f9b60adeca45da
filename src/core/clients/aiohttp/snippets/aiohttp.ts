/**
 * The raw aiohttp module (pool.py): a ClientSession per pool (or per tenant) on its own
 * TCPConnector. aiohttp binds a session to the event loop it is created in, so each is created on
 * first use, inside the running loop, and kept for the life of the process.
 */
import { cite, tenantRemark } from '../../../snippets/comments.ts';
import { pyLiteral, pyString } from '../../../snippets/escape.ts';
import { header } from '../../../snippets/header.ts';
import type { SnippetInput } from '../../../snippets/input.ts';
import { pyClientNames } from '../../../snippets/pyPools.ts';
import { apiKeyFunction, pyAuthHeaders, pyTcpKeepaliveFunction } from '../../../snippets/python.ts';
import { AIOHTTP_CLIENT } from '../facts.ts';
import { connectorArgs, needsSocketFactory, timeoutArgs } from './connector.ts';

/** TCPConnector's socket_factory (aiohttp >= 3.12; aiohappyeyeballs calls it with an addrinfo tuple): sockets with _tcp_keepalive's options. */
const SOCKET_FACTORY = `def _tcp_keepalive_socket(idle_sec: int):
    """A TCPConnector socket_factory whose sockets carry _tcp_keepalive(idle_sec)."""

    def make(addr_info: tuple) -> socket.socket:
        family, type_, proto, _, _ = addr_info
        sock = socket.socket(family=family, type=type_, proto=proto)
        for level, option, value in _tcp_keepalive(idle_sec):
            sock.setsockopt(level, option, value)
        return sock

    return make`;

const REUSE_SOURCE = { package: AIOHTTP_CLIENT.poolLibrary, file: 'aiohttp/connector.py', line: 736 };

function sessionLines(input: SnippetInput, pool: Parameters<typeof connectorArgs>[1]): string[] {
  return [
    'aiohttp.ClientSession(',
    '    connector=aiohttp.TCPConnector(',
    ...connectorArgs(input, pool).map((l) => `        ${l}`),
    '    ),',
    '    timeout=aiohttp.ClientTimeout(',
    ...timeoutArgs(input, pool).map((l) => `        ${l}`),
    '    ),',
    ')',
  ];
}

function definitions(input: SnippetInput): string {
  return pyClientNames(input)
    .map(({ pool, exported, cache }) => {
      const [first, ...rest] = sessionLines(input, pool);
      if (!cache) {
        const slot = `_${exported}`;
        return [
          `# Pool ${pyString(pool.name)}`,
          `${slot} = None`,
          '',
          '',
          `def ${exported}() -> aiohttp.ClientSession:`,
          '    """The pool\'s session, created on first use inside the running event loop (aiohttp requires one)."""',
          `    global ${slot}`,
          `    if ${slot} is None or ${slot}.closed:`,
          `        ${slot} = ${first}`,
          ...rest.map((l) => `        ${l}`),
          `    return ${slot}`,
        ].join('\n');
      }
      const [cap, global] = tenantRemark(pool, 'aiohttp', 'session');
      return [
        `# Pool ${pyString(pool.name)}: ${cap}`,
        `# ${global}`,
        `${cache} = {}  # tenant id -> session`,
        '',
        '',
        `def ${exported}(tenant_id: str) -> aiohttp.ClientSession:`,
        '    """The tenant\'s own session, created on first use inside the running event loop and kept for the life of the process."""',
        `    session = ${cache}.get(tenant_id)`,
        '    if session is None or session.closed:',
        `        session = ${first}`,
        ...rest.map((l) => `        ${l}`),
        `        ${cache}[tenant_id] = session`,
        '    return session',
      ].join('\n');
    })
    .join('\n\n\n');
}

function closeLines(input: SnippetInput): string[] {
  return pyClientNames(input).flatMap((n) =>
    n.cache
      ? [`for session in list(${n.cache}.values()):`, '    await session.close()', `${n.cache}.clear()`]
      : [`if _${n.exported} is not None:`, `    await _${n.exported}.close()`],
  );
}

export function aiohttpSnippet(input: SnippetInput): string {
  const names = pyClientNames(input);
  const main = names[0]!;
  const tenantMain = main.cache !== undefined;
  const singles = names.filter((n) => !n.cache).map((n) => `_${n.exported}`);
  const demoClient = tenantMain ? `, ${main.client(pyString('tenant-1'))}` : '';
  const keepalive = needsSocketFactory(input);
  return `${header(input, '#', `${AIOHTTP_CLIENT.label} (ClientSession + TCPConnector; checked on ${AIOHTTP_CLIENT.poolLibrary}); save as pool.py`, [`Keep-alive (${cite(REUSE_SOURCE)}): ${AIOHTTP_CLIENT.keepaliveRule}`])}
import os
${keepalive ? 'import socket\n' : ''}
import aiohttp

BASE_URL = ${pyString(input.provider.baseUrl)}
${apiKeyFunction(input)}${keepalive ? `\n\n\n${pyTcpKeepaliveFunction()}\n\n\n${SOCKET_FACTORY}` : ''}


# One session per pool for the whole process: a session per request would pool nothing.
${definitions(input)}


async def post_json(path: str, body: dict, client: ${tenantMain ? 'aiohttp.ClientSession' : 'aiohttp.ClientSession | None = None'}) -> aiohttp.ClientResponse:
    """POST a JSON body to BASE_URL + path through a pool${tenantMain ? ` (client: ${main.exported}(tenant_id))` : ''}.

    The body is read before returning, so the connection is back in the pool: use response.status
    and await response.json().
    """
    session = ${tenantMain ? 'client' : `client if client is not None else ${main.exported}()`}
    async with session.post(BASE_URL + path, json=body, headers=${pyAuthHeaders(input)}) as response:
        await response.read()
    return response


async def close_pools() -> None:
    """Close the pools gracefully on shutdown."""
${[...(singles.length ? [`global ${singles.join(', ')}`] : []), ...closeLines(input), ...singles.map((s) => `${s} = None`)]
  .map((l) => `    ${l}`)
  .join('\n')}


if __name__ == "__main__":
    import asyncio

    async def _demo() -> None:
        try:
            response = await post_json(${pyString(input.provider.path)}, ${pyLiteral(input.provider.demoBody)}${demoClient})
            print(response.status)
        finally:
            await close_pools()

    asyncio.run(_demo())
`;
}
