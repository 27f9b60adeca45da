/**
 * The official Node SDKs accept `fetch` and `fetchOptions`. The snippet passes undici's own fetch
 * with the pool's Agent as dispatcher, so the Agent and fetch come from the same undici (Node's
 * built-in fetch bundles an older undici, which may not accept an Agent from the npm package).
 * The Agents are the undici 8 target's, from the same generator (undiciAgents.ts).
 */
import type { ClientFacts } from '../../types.ts';
import { ANTHROPIC_TS_CLIENT, OPENAI_TS_CLIENT } from '../facts.ts';
import { formatNumber } from '../../../format.ts';
import type { Provider } from '../../../scenario/schema.ts';
import { header } from '../../../snippets/header.ts';
import { jsIdentifier, jsLiteral, jsString } from '../../../snippets/escape.ts';
import type { PoolSizing, SnippetInput } from '../../../snippets/input.ts';
import { retryCount, retryRemark } from '../../../snippets/path.ts';
import { nodeFetchNotes } from '../../../snippets/nodeFetch.ts';
import { providerShape } from '../../../snippets/provider.ts';
import { cite } from '../../../snippets/comments.ts';
import { jsTenantFactory } from '../../../snippets/tenantFactory.ts';
import { agentDefinitions, agentNames, closeAllAgents } from '../../../snippets/undiciAgents.ts';
// The Agents passed to the SDK are undici 8's: the SDK's pool is that library's.
import { UNDICI8_CLIENT as UNDICI8 } from '../../undici/facts.ts';

interface NodeSdk {
  client: ClientFacts;
  provider: Provider;
  packageName: 'openai' | '@anthropic-ai/sdk';
  className: 'OpenAI' | 'Anthropic';
  call: string;
  printed: string;
}

const OPENAI: NodeSdk = {
  client: OPENAI_TS_CLIENT,
  provider: 'openai',
  packageName: 'openai',
  className: 'OpenAI',
  call: 'chat.completions.create',
  printed: 'reply.choices[0]?.message.content',
};

const ANTHROPIC: NodeSdk = {
  client: ANTHROPIC_TS_CLIENT,
  provider: 'anthropic',
  packageName: '@anthropic-ai/sdk',
  className: 'Anthropic',
  call: 'messages.create',
  printed: 'reply.content[0]',
};

function renderSdkTypescript(input: SnippetInput, sdk: NodeSdk): string {
  const api = providerShape({ ...input.scenario.endpoint, provider: sdk.provider });
  const taken = new Set(agentNames(input).flatMap((n) => [n.exported, ...(n.cache ? [n.cache] : [])]));
  const timeoutSource = sdk.client.sources.readTimeoutSec;
  const options = (agent: string, pool: PoolSizing) => {
    const retries = retryCount(pool, sdk.client);
    return [
      '  apiKey: apiKey(API_KEY_ENV),',
      '  baseURL: BASE_URL,',
      '  fetch: fetch as unknown as typeof globalThis.fetch, // undici 8\u2019s own fetch, which accepts its Agent as dispatcher',
      `  fetchOptions: { dispatcher: ${agent} },`,
      `  timeout: ${formatNumber(pool.readTimeoutSec * 1000, 3).replace(/,/g, '_')}, // the SDK's own deadline per request, equal to the Agent's headersTimeout (default 600 s${timeoutSource ? `: ${cite(timeoutSource)}` : ''})`,
      `  maxRetries: ${retries}, // ${retryRemark(retries, sdk.client)}`,
    ];
  };
  const clients = agentNames(input).map((n) => {
    if (!n.cache) {
      const name = jsIdentifier(n.pool.name, 'Client', taken);
      return { name, code: [`export const ${name} = new ${sdk.className}({`, ...options(n.exported, n.pool), '});'].join('\n'), call: name };
    }
    const factory = jsIdentifier(n.pool.name, 'ClientForTenant', taken);
    const cache = jsIdentifier(n.pool.name, 'Clients', taken);
    const code = jsTenantFactory({
      cache,
      factory,
      type: sdk.className,
      typed: true,
      local: 'client',
      doc: 'The tenant\u2019s SDK client, on the tenant\u2019s own Agent.',
      construct: [`new ${sdk.className}({`, ...options(n.agent('tenantId'), n.pool), '});'],
    }).join('\n');
    return { name: factory, code, call: `${factory}('tenant-1')` };
  });
  const notes = [
    `The Agents are the undici 8 tab's, written by the same generator; on undici 7 take the undici 7 tab's Agent options instead.`,
    ...nodeFetchNotes(input),
    ...(input.provider.id !== sdk.provider
      ? [`The scenario's endpoint is ${input.provider.label}'s; this ${api.label} SDK sends ${api.label}-shaped requests to it: use the ${input.provider.label} SDK unless the endpoint speaks the ${api.label} API.`]
      : []),
  ];
  const demoBody = jsLiteral(api.demoBody);
  return `${header(input, '//', `the ${api.label} Node SDK (${sdk.packageName}, checked on ${timeoutSource?.package ?? sdk.packageName}) over ${UNDICI8.label} (checked on ${UNDICI8.poolLibrary}); Node.js >= 22.19; save as ${sdk.client.targets[0]!.filename}`, notes)}
import ${sdk.className} from '${sdk.packageName}';
import { Agent, fetch } from 'undici';

export const BASE_URL = ${jsString(api.sdkBaseUrl)};
const API_KEY_ENV = ${jsString(input.scenario.endpoint.apiKeyEnv)};

function apiKey(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Set the \${name} environment variable to your API key\`);
  return value;
}

${agentDefinitions(input, { client: UNDICI8, typed: true })}

// One SDK client per pool, each sending through its pool's Agent.
${clients.map((c) => c.code).join('\n\n')}

/** Close the pools gracefully on shutdown, e.g. process.once('SIGTERM', closePools). */
export async function closePools(): Promise<void> {
  await ${closeAllAgents(input)};
}

/** A first request, e.g. from main(): await demo(); await closePools(); */
export async function demo(): Promise<void> {
  const reply = await ${clients[0]!.call}.${sdk.call}(${demoBody});
  console.log(${sdk.printed});
}
`;
}

export function anthropicTsSnippet(input: SnippetInput): string {
  return renderSdkTypescript(input, ANTHROPIC);
}

export function openaiTsSnippet(input: SnippetInput): string {
  return renderSdkTypescript(input, OPENAI);
}
