/**
 * The undici module (pool.mjs): the scenario's Agents, a postJson helper in the provider's request
 * shape, and clean shutdown. The undici 8 and 7 targets differ only in the clients-table entry
 * they pass, because HTTP/2 behaves differently between the majors.
 */
import type { ClientFacts } from '../../types.ts';
import { header } from '../../../snippets/header.ts';
import { jsString } from '../../../snippets/escape.ts';
import type { SnippetInput } from '../../../snippets/input.ts';
import { agentDefinitions, agentNames, closeAllAgents } from '../../../snippets/undiciAgents.ts';

/** The request headers as a JS object literal; the key comes from the environment at call time. */
export function jsAuthHeaders(input: SnippetInput): string {
  const p = input.provider;
  const env = jsString(input.scenario.endpoint.apiKeyEnv);
  const key = p.keyPrefix ? `${jsString(p.keyPrefix)} + apiKey(${env})` : `apiKey(${env})`;
  const entries = [[jsString(p.keyHeader), key], ...p.extraHeaders.map(([k, v]) => [jsString(k), jsString(v)]), ['"content-type"', '"application/json"']];
  return `{ ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

export function renderUndici(input: SnippetInput, client: ClientFacts, library: string, notes: string[] = []): string {
  const main = agentNames(input)[0]!;
  const tenantMain = main.cache !== undefined;
  const agentParam = tenantMain ? `{ agent, signal } = {}` : `{ agent = ${main.exported}, signal } = {}`;
  return `${header(input, '//', library, notes)}
import { Agent, fetch } from 'undici';

export const BASE_URL = ${jsString(input.provider.baseUrl)};

${agentDefinitions(input, { client, typed: false })}

function apiKey(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Set the \${name} environment variable to your API key\`);
  return value;
}

/**
 * POST a JSON body to BASE_URL + path through a pool, e.g. postJson(${jsString(input.provider.path)}, body${tenantMain ? `, { agent: ${main.agent('tenantId')} }` : ''}).
 * Or pass \`dispatcher: ${main.agent('tenantId')}\` to your own undici fetch calls.
 */
export function postJson(path, body, ${agentParam}) {
${tenantMain ? `  if (agent === undefined) throw new Error(${jsString(`pass { agent: ${main.exported}(tenantId) }`)});\n` : ''}  return fetch(BASE_URL + path, {
    method: 'POST',
    headers: ${jsAuthHeaders(input)},
    body: JSON.stringify(body),
    dispatcher: agent,
    signal,
  });
}

/** Close the pools gracefully on shutdown, e.g. process.once('SIGTERM', closePools). */
export async function closePools() {
  await ${closeAllAgents(input)};
}
`;
}
