/**
 * The official Python SDKs of today's majors (openai >= 3, anthropic >= 1) run on httpx2 and take
 * the pool through `http_client=`. The snippet builds it with the SDK's own DefaultAsyncHttpxClient,
 * which keeps the SDK's defaults (redirects; Anthropic's TCP keep-alive probes) while `limits=` and
 * `timeout=` replace its 1000-connection pool and 600 s timeout.
 */
import type { SourceRef } from '../../types.ts';
import { ANTHROPIC_PY_CLIENT, HTTPX2_CLIENT, OPENAI_PY_CLIENT } from '../facts.ts';
import { limitsAndTimeout, needsTcpKeepalive } from './httpxCommon.ts';
import type { SnippetInput } from '../../../snippets/input.ts';
import { renderPythonSdk, type PythonSdkTarget } from '../../../snippets/pythonSdk.ts';
import { cite } from '../../../snippets/comments.ts';

interface PythonSdk extends PythonSdkTarget {
  /** Where DefaultAsyncHttpxClient is defined (it applies `limits=` and keeps the SDK's other defaults). */
  defaultClientSource: SourceRef;
  /** What changes for the previous major, which took an httpx (not httpx2) client. */
  previousMajor: string;
  /** The demo call and how to print its text. */
  call: string;
  printed: string;
}

const OPENAI: PythonSdk = {
  client: OPENAI_PY_CLIENT,
  provider: 'openai',
  module: 'openai',
  clientClass: 'AsyncOpenAI',
  defaultClientSource: { package: 'openai 3.22.1', file: 'openai/_base_client.py', line: 1529 },
  previousMajor: `openai < 3 took an httpx client: there, import httpx and write httpx.Limits and httpx.Timeout in place of the httpx2 ones. openai 3 still accepts an httpx client at run time, but types http_client as httpx2.AsyncClient (${cite({ package: 'openai 3.22.1', file: 'openai/_client.py', line: 942 })}).`,
  call: 'chat.completions.create',
  printed: 'reply.choices[0].message.content',
};

const ANTHROPIC: PythonSdk = {
  client: ANTHROPIC_PY_CLIENT,
  provider: 'anthropic',
  module: 'anthropic',
  clientClass: 'AsyncAnthropic',
  defaultClientSource: { package: 'anthropic 1.13.0', file: 'anthropic/_base_client.py', line: 1625 },
  previousMajor: `anthropic < 1 took an httpx client: there, import httpx and write httpx.Limits and httpx.Timeout in place of the httpx2 ones. anthropic >= 1 refuses httpx objects with a TypeError (${cite({ package: 'anthropic 1.13.0', file: 'anthropic/_base_client.py', line: 151 })}).`,
  call: 'messages.create',
  printed: 'reply.content[0].text',
};

function renderSdkPython(input: SnippetInput, sdk: PythonSdk): string {
  return renderPythonSdk(input, sdk, {
    library: 'httpx2',
    httpClient: 'DefaultAsyncHttpxClient',
    limitLines: (pool) => limitsAndTimeout(input, pool, HTTPX2_CLIENT, { isAsync: true, pathClient: sdk.client }),
    notes: [
      `For the previous major: ${sdk.previousMajor} With httpx (httpcore 1.x), also set max_keepalive_connections equal to max_connections.`,
      `DefaultAsyncHttpxClient keeps the SDK's other client settings and takes these limits and timeout in place of its own (${cite(sdk.defaultClientSource)}).`,
    ],
    headerSuffix: '',
    owns: 'its connection pool',
    tcpKeepalive: needsTcpKeepalive(input, sdk.client),
  });
}

export function anthropicPySnippet(input: SnippetInput): string {
  return renderSdkPython(input, ANTHROPIC);
}

export function openaiPySnippet(input: SnippetInput): string {
  return renderSdkPython(input, OPENAI);
}
