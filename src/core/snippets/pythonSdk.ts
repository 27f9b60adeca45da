/**
 * The one template of the official Python SDKs' snippet: a client per pool built with the SDK's own
 * `http_client=` factory, `close_pools()`, and a demo call. The httpx2 family (DefaultAsyncHttpxClient)
 * and the aiohttp family (DefaultAioHttpClient) fill in the factory, its limit lines and their notes.
 */
import type { Provider } from '../scenario/schema.ts';
import type { ClientFacts } from '../clients/types.ts';
import { pyLiteral, pyString } from './escape.ts';
import { header } from './header.ts';
import type { PoolSizing, SnippetInput } from './input.ts';
import { providerShape } from './provider.ts';
import { pyClientDefinitions, pyClientNames, pyCloseLines } from './pyPools.ts';
import { retryCount, retryRemark } from './path.ts';
import { apiKeyFunction, pyTcpKeepaliveFunction } from './python.ts';

export interface PythonSdkTarget {
  client: ClientFacts;
  provider: Provider;
  module: 'openai' | 'anthropic';
  clientClass: 'AsyncOpenAI' | 'AsyncAnthropic';
  /** The demo call and how to print its text. */
  call: string;
  printed: string;
}

export interface PythonSdkTransport {
  /** The library that owns the pool, as pyClientDefinitions names it. */
  library: string;
  /** The SDK's http_client factory, e.g. DefaultAsyncHttpxClient. */
  httpClient: string;
  limitLines(pool: PoolSizing): string[];
  /** Notes of this transport, before the provider note. */
  notes: string[];
  /** What the header calls the snippet, after "the <API> Python SDK". */
  headerSuffix: string;
  /** What each SDK client owns, in the comment above the definitions. */
  owns: string;
  /** Some pool's limit lines call `_tcp_keepalive(...)`: the module imports socket and defines it. */
  tcpKeepalive: boolean;
}

export function renderPythonSdk(input: SnippetInput, sdk: PythonSdkTarget, transport: PythonSdkTransport): string {
  const api = providerShape({ ...input.scenario.endpoint, provider: sdk.provider });
  const type = `${sdk.module}.${sdk.clientClass}`;
  const main = pyClientNames(input)[0]!;
  const definitions = pyClientDefinitions(input, {
    type,
    library: transport.library,
    construct: (pool) => [
      `${type}(`,
      '    api_key=_api_key(),',
      '    base_url=BASE_URL,',
      `    http_client=${sdk.module}.${transport.httpClient}(`,
      ...transport.limitLines(pool).map((l) => `        ${l}`),
      '    ),',
      `    max_retries=${retryCount(pool, sdk.client)},  # ${retryRemark(retryCount(pool, sdk.client), sdk.client)}`,
      ')',
    ],
  });
  const notes = [
    ...transport.notes,
    ...(input.provider.id !== sdk.provider
      ? [`The scenario's endpoint is ${input.provider.label}'s; this ${api.label} SDK sends ${api.label}-shaped requests to it: use the ${input.provider.label} SDK unless the endpoint speaks the ${api.label} API.`]
      : []),
  ];
  const demoArgs = Object.entries(api.demoBody)
    .map(([k, v]) => `${k}=${pyLiteral(v)}`)
    .join(', ');
  return `${header(input, '#', `the ${api.label} Python SDK${transport.headerSuffix} (${sdk.client.library} ${sdk.client.versions}; checked on ${sdk.client.sources.maxConnections?.package ?? sdk.module} with ${sdk.client.poolLibrary}); save as ${sdk.client.targets[0]!.filename}`, notes)}
import os
${transport.tcpKeepalive ? 'import socket\n' : ''}
import ${sdk.module}
import httpx2

BASE_URL = ${pyString(api.sdkBaseUrl)}
${apiKeyFunction(input)}${transport.tcpKeepalive ? `\n\n\n${pyTcpKeepaliveFunction()}` : ''}


# One SDK client per pool for the whole process: each owns ${transport.owns}.
${definitions}


async def close_pools() -> None:
    """Close the pools gracefully on shutdown."""
${pyCloseLines(input, (c) => `await ${c}.close()`)
  .map((l) => `    ${l}`)
  .join('\n')}


if __name__ == "__main__":
    import asyncio

    async def _demo() -> None:
        try:
            reply = await ${main.client(pyString('tenant-1'))}.${sdk.call}(${demoArgs})
            print(${sdk.printed})
        finally:
            await close_pools()

    asyncio.run(_demo())
`;
}
