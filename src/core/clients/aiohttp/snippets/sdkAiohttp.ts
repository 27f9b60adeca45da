/**
 * The OpenAI and Anthropic Python SDKs on aiohttp: `http_client=` takes the SDK's own
 * DefaultAioHttpClient (the `[aiohttp]` extra), an httpx2 client whose transport runs aiohttp. Its
 * transport passes only max_connections (as limit) and keepalive_expiry (as keepalive_timeout) to
 * the TCPConnector and drops max_keepalive_connections; httpx2's pool timeout becomes aiohttp's
 * connect timeout. It creates the aiohttp session on the first request, inside the running loop.
 */
import type { Provider } from '../../../scenario/schema.ts';
import { cite, keepaliveRemark } from '../../../snippets/comments.ts';
import { pyLiteral, pyString } from '../../../snippets/escape.ts';
import { header } from '../../../snippets/header.ts';
import { clientCaps, type PoolSizing, type SnippetInput } from '../../../snippets/input.ts';
import { providerShape } from '../../../snippets/provider.ts';
import { pyClientDefinitions, pyClientNames, pyCloseLines } from '../../../snippets/pyPools.ts';
import { apiKeyFunction, seconds } from '../../../snippets/python.ts';
import type { ClientFacts } from '../../types.ts';
import { ANTHROPIC_PY_AIOHTTP_CLIENT, OPENAI_PY_AIOHTTP_CLIENT, SDK_TRANSPORT } from '../facts.ts';
import { aiohttpLimit } from './connector.ts';

interface AiohttpSdk {
  client: ClientFacts;
  provider: Provider;
  module: 'openai' | 'anthropic';
  clientClass: 'AsyncOpenAI' | 'AsyncAnthropic';
  call: string;
  printed: string;
}

const OPENAI: AiohttpSdk = { client: OPENAI_PY_AIOHTTP_CLIENT, provider: 'openai', module: 'openai', clientClass: 'AsyncOpenAI', call: 'chat.completions.create', printed: 'reply.choices[0].message.content' };
const ANTHROPIC: AiohttpSdk = { client: ANTHROPIC_PY_AIOHTTP_CLIENT, provider: 'anthropic', module: 'anthropic', clientClass: 'AsyncAnthropic', call: 'messages.create', printed: 'reply.content[0].text' };

function limitsAndTimeout(input: SnippetInput, pool: PoolSizing, sdk: AiohttpSdk): string[] {
  const { limit, note } = aiohttpLimit(pool);
  const t = SDK_TRANSPORT[sdk.module];
  const perTenant = pool.tenants > 1 ? ' for this tenant' : '';
  return [
    'limits=httpx2.Limits(',
    `    max_connections=${limit},  # aiohttp's limit: max connections in use${perTenant}${note} (${cite(t.limit)})`,
    `    keepalive_expiry=${seconds(pool.keepaliveSec)},  # aiohttp's keepalive_timeout: ${keepaliveRemark(input, pool)} (${cite(t.keepalive)})`,
    `    # no max_keepalive_connections: the aiohttp transport drops it and keeps every idle connection (the scenario's ${clientCaps(pool).maxKeepalive})`,
    '),',
    'timeout=httpx2.Timeout(',
    `    connect=${seconds(input.connectTimeoutSec)},`,
    `    read=${seconds(input.readTimeoutSec)},  # max silence between chunks: long streams must not hit it`,
    '    write=30.0,',
    pool.poolTimeoutSec !== undefined
      ? `    pool=${seconds(pool.poolTimeoutSec + input.connectTimeoutSec)},  # becomes aiohttp's connect timeout, which bounds the wait for a free connection AND a new connection's set-up: the scenario's ${seconds(pool.poolTimeoutSec)} s plus connect (${cite(t.pool)})`
      : `    pool=None,  # the scenario sets no pool timeout: a request waits for a free connection as long as it takes (${cite(t.pool)})`,
    '),',
  ];
}

function render(input: SnippetInput, sdk: AiohttpSdk): string {
  const api = providerShape({ ...input.scenario.endpoint, provider: sdk.provider });
  const type = `${sdk.module}.${sdk.clientClass}`;
  const main = pyClientNames(input)[0]!;
  const definitions = pyClientDefinitions(input, {
    type,
    library: 'aiohttp',
    construct: (pool) => [
      `${type}(`,
      '    api_key=_api_key(),',
      '    base_url=BASE_URL,',
      `    http_client=${sdk.module}.DefaultAioHttpClient(`,
      ...limitsAndTimeout(input, pool, sdk).map((l) => `        ${l}`),
      '    ),',
      '    max_retries=2,',
      ')',
    ],
  });
  const notes = [
    `Needs the aiohttp extra: pip install "${sdk.client.library}". ${sdk.client.keepaliveRule}`,
    ...(input.provider.id !== sdk.provider
      ? [`The scenario's endpoint is ${input.provider.label}'s; this ${api.label} SDK sends ${api.label}-shaped requests to it: use the ${input.provider.label} SDK unless the endpoint speaks the ${api.label} API.`]
      : []),
  ];
  const demoArgs = Object.entries(api.demoBody)
    .map(([k, v]) => `${k}=${pyLiteral(v)}`)
    .join(', ');
  return `${header(input, '#', `the ${api.label} Python SDK on aiohttp (${sdk.client.library} ${sdk.client.versions}; checked on ${sdk.client.sources.maxConnections?.package ?? sdk.module} with ${sdk.client.poolLibrary}); save as ${sdk.client.targets[0]!.filename}`, notes)}
import os

import ${sdk.module}
import httpx2

BASE_URL = ${pyString(api.sdkBaseUrl)}
${apiKeyFunction(input)}


# One SDK client per pool for the whole process: each owns its aiohttp connection pool.
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

export function openaiPyAiohttpSnippet(input: SnippetInput): string {
  return render(input, OPENAI);
}

export function anthropicPyAiohttpSnippet(input: SnippetInput): string {
  return render(input, ANTHROPIC);
}
