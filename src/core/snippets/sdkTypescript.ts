import { header } from './header.ts';
import { jsString } from './escape.ts';
import { agentOptions } from './undiciCommon.ts';
import type { SnippetInput } from './input.ts';

interface NodeSdk {
  label: string;
  packageName: string;
  className: string;
}

/**
 * The official Node SDKs accept `fetch` and `fetchOptions`. Passing undici's own fetch with the
 * Agent as dispatcher keeps the Agent and fetch from the same undici version (Node's built-in fetch
 * bundles its own undici, which may not accept an Agent from the npm package).
 */
function renderSdkTypescript(input: SnippetInput, sdk: NodeSdk): string {
  const pool = input.pools[0]!;
  return `${header(input, '//', `the ${sdk.label} TypeScript SDK over undici 7 or 8`)}
import ${sdk.className} from '${sdk.packageName}';
import { Agent, fetch } from 'undici';

export const aiAgent = new Agent({
${agentOptions(input, pool, { library: 'undici', protocolOptions: (p) => (p.protocol === 'h2' ? ['  allowH2: true,'] : ['  pipelining: 1,']) }).join('\n')}
});

export const client = new ${sdk.className}({
  apiKey: process.env[${jsString(input.scenario.endpoint.apiKeyEnv)}],
  baseURL: ${jsString(input.scenario.endpoint.baseUrl)},
  fetch: fetch as unknown as typeof globalThis.fetch,
  fetchOptions: { dispatcher: aiAgent } as RequestInit,
  maxRetries: 2,
});

/** Close the pool gracefully on shutdown, e.g. process.once('SIGTERM', closePools). */
export async function closePools(): Promise<void> {
  await aiAgent.close();
}
`;
}

export function anthropicTsSnippet(input: SnippetInput): string {
  return renderSdkTypescript(input, { label: 'Anthropic', packageName: '@anthropic-ai/sdk', className: 'Anthropic' });
}

export function openaiTsSnippet(input: SnippetInput): string {
  return renderSdkTypescript(input, { label: 'OpenAI', packageName: 'openai', className: 'OpenAI' });
}
