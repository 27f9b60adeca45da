/** Shared shape of the httpx modules (async and sync differ in a few words, kept in a flavour table). */
import { header } from './header.ts';
import { pyIdentifier, pyString } from './escape.ts';
import type { PoolSizing, SnippetInput } from './input.ts';

export interface HttpxFlavour {
  library: string;
  clientClass: 'httpx.AsyncClient' | 'httpx.Client';
  asyncWord: '' | 'async ';
  awaitWord: '' | 'await ';
  closeMethod: 'aclose' | 'close';
}

export function clientNames(input: SnippetInput): string[] {
  const taken = new Set<string>();
  return input.pools.map((p) => pyIdentifier(p.name, 'client', taken));
}

const seconds = (x: number) => (Number.isInteger(x) ? `${x}.0` : String(x));

export function limitsAndTimeout(input: SnippetInput, pool: PoolSizing, indent: string): string[] {
  return [
    `${indent}limits=httpx.Limits(`,
    `${indent}    max_connections=${pool.maxConnections},  # max open connections`,
    `${indent}    max_keepalive_connections=${pool.maxKeepalive},  # idle connections kept warm`,
    `${indent}    keepalive_expiry=${seconds(pool.keepaliveSec)},  # seconds idle before closing; outlasts users' think time`,
    `${indent}),`,
    `${indent}timeout=httpx.Timeout(`,
    `${indent}    connect=${seconds(input.connectTimeoutSec)},`,
    `${indent}    read=${seconds(input.readTimeoutSec)},  # max silence between chunks: long streams must not hit it`,
    `${indent}    write=30.0,`,
    `${indent}    pool=${seconds(input.poolTimeoutSec)},  # max wait for a free connection before httpx.PoolTimeout`,
    `${indent}),`,
    `${indent}http2=${pool.protocol === 'h2' ? 'True,  # needs the h2 package: pip install "httpx[http2]"' : 'False,'}`,
  ];
}

export function authHeaders(input: SnippetInput): string {
  return input.auth === 'bearer'
    ? '{"authorization": f"Bearer {_api_key()}", "content-type": "application/json"}'
    : '{"x-api-key": _api_key(), "anthropic-version": "2023-06-01", "content-type": "application/json"}';
}

export function apiKeyFunction(input: SnippetInput): string {
  return `API_KEY_ENV = ${pyString(input.scenario.endpoint.apiKeyEnv)}


def _api_key() -> str:
    key = os.environ.get(API_KEY_ENV)
    if not key:
        raise RuntimeError(f"Set the {API_KEY_ENV} environment variable to your API key")
    return key`;
}

/** A small request for the __main__ demo, in the API's own shape. */
function demoRequest(input: SnippetInput): string {
  return input.auth === 'bearer'
    ? '"/chat/completions", {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Say hi"}]}'
    : '"/v1/messages", {"model": "claude-sonnet-4-5", "max_tokens": 64, "messages": [{"role": "user", "content": "Say hi"}]}';
}

export function renderHttpx(input: SnippetInput, flavour: HttpxFlavour): string {
  const names = clientNames(input);
  const main = names[0]!;
  const clients = input.pools.map((pool, i) =>
    [`# Pool ${pyString(pool.name)}`, `${names[i]} = ${flavour.clientClass}(`, '    base_url=BASE_URL,', ...limitsAndTimeout(input, pool, '    '), ')'].join('\n'),
  );
  const isAsync = flavour.asyncWord !== '';
  return `${header(input, '#', flavour.library)}
import os

import httpx

BASE_URL = ${pyString(input.scenario.endpoint.baseUrl)}
${apiKeyFunction(input)}


# One client per pool for the whole process: a client per request would pool nothing.
${clients.join('\n\n')}


${flavour.asyncWord}def post_json(path: str, body: dict, client: ${flavour.clientClass} = ${main}) -> httpx.Response:
    """POST a JSON body to the API through a pool."""
    return ${flavour.awaitWord}client.post(path, json=body, headers=${authHeaders(input)})


${flavour.asyncWord}def close_pools() -> None:
    """Close the pools gracefully on shutdown."""
${names.map((n) => `    ${flavour.awaitWord}${n}.${flavour.closeMethod}()`).join('\n')}


if __name__ == "__main__":
${
  isAsync
    ? `    import asyncio

    async def _demo() -> None:
        try:
            response = await post_json(${demoRequest(input)})
            print(response.status_code)
        finally:
            await close_pools()

    asyncio.run(_demo())`
    : `    try:
        response = post_json(${demoRequest(input)})
        print(response.status_code)
    finally:
        close_pools()`
}
`;
}
