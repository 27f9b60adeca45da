import { header } from './header.ts';
import { pyString } from './escape.ts';
import { limitsAndTimeout, type HttpxFlavour } from './httpxCommon.ts';
import type { SnippetInput } from './input.ts';

interface PythonSdk {
  label: string;
  module: string;
  clientClass: string;
}

/** The official Python SDKs take an httpx client through `http_client=`: the pool comes with it. */
function renderSdkPython(input: SnippetInput, sdk: PythonSdk, flavour: Pick<HttpxFlavour, 'clientClass'>): string {
  const pool = input.pools[0]!;
  return `${header(input, '#', `the ${sdk.label} Python SDK over httpx`)}
import os

import httpx
import ${sdk.module}

http_client = ${flavour.clientClass}(
${limitsAndTimeout(input, pool, '    ').join('\n')}
)

client = ${sdk.module}.${sdk.clientClass}(
    api_key=os.environ[${pyString(input.scenario.endpoint.apiKeyEnv)}],
    base_url=${pyString(input.scenario.endpoint.baseUrl)},
    http_client=http_client,  # the SDK sends every request through this pool
    max_retries=2,
)


async def close_pools() -> None:
    """Close the pool gracefully on shutdown."""
    await client.close()
`;
}

export function anthropicPySnippet(input: SnippetInput): string {
  return renderSdkPython(input, { label: 'Anthropic', module: 'anthropic', clientClass: 'AsyncAnthropic' }, { clientClass: 'httpx.AsyncClient' });
}

export function openaiPySnippet(input: SnippetInput): string {
  return renderSdkPython(input, { label: 'OpenAI', module: 'openai', clientClass: 'AsyncOpenAI' }, { clientClass: 'httpx.AsyncClient' });
}
