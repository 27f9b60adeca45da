/**
 * Shared shape of the undici modules; the two targets (undici 8 and undici 7) differ only in the
 * rows of their flavour table, because HTTP/2 behaves differently between the majors.
 */
import { header } from './header.ts';
import { jsIdentifier, jsString } from './escape.ts';
import type { PoolSizing, SnippetInput } from './input.ts';

export interface UndiciFlavour {
  library: string;
  /** Lines of the Agent options for a pool, beyond the common ones. */
  protocolOptions(pool: PoolSizing): string[];
}

export function agentOptions(input: SnippetInput, pool: PoolSizing, flavour: UndiciFlavour): string[] {
  const ms = (sec: number) => Math.round(sec * 1000).toLocaleString('en-US').replace(/,/g, '_');
  return [
    `  connections: ${pool.maxConnections}, // max open sockets to the API`,
    `  keepAliveTimeout: ${ms(pool.keepaliveSec)}, // idle ${pool.keepaliveSec} s before a socket closes (outlasts users' think time)`,
    `  keepAliveMaxTimeout: ${ms(pool.keepaliveSec)}, // cap on longer keep-alive hints from the server`,
    `  connect: { timeout: ${ms(input.connectTimeoutSec)} },`,
    `  headersTimeout: ${ms(input.readTimeoutSec)}, // non-streamed replies send headers only when generation ends`,
    `  bodyTimeout: ${ms(input.readTimeoutSec)}, // max silence between body chunks of a stream`,
    ...flavour.protocolOptions(pool),
  ];
}

export function agentNames(input: SnippetInput): string[] {
  const taken = new Set<string>();
  return input.pools.map((p) => jsIdentifier(p.name, 'Agent', taken));
}

export function authHeaders(input: SnippetInput): string {
  const env = jsString(input.scenario.endpoint.apiKeyEnv);
  return input.auth === 'bearer'
    ? `{ authorization: \`Bearer \${apiKey(${env})}\`, 'content-type': 'application/json' }`
    : `{ 'x-api-key': apiKey(${env}), 'anthropic-version': '2023-06-01', 'content-type': 'application/json' }`;
}

export function renderUndici(input: SnippetInput, flavour: UndiciFlavour): string {
  const names = agentNames(input);
  const agents = input.pools.map((pool, i) =>
    [`// Pool ${jsString(pool.name)}: ${pool.maxKeepalive} idle connections advised; undici keeps every idle socket until keepAliveTimeout.`, `export const ${names[i]} = new Agent({`, ...agentOptions(input, pool, flavour), '});'].join('\n'),
  );
  const main = names[0]!;
  return `${header(input, '//', flavour.library)}
import { Agent, fetch } from 'undici';

export const BASE_URL = ${jsString(input.scenario.endpoint.baseUrl.replace(/\/+$/, ''))};

${agents.join('\n\n')}

function apiKey(name) {
  const value = process.env[name];
  if (!value) throw new Error(\`Set the \${name} environment variable to your API key\`);
  return value;
}

/**
 * POST a JSON body to BASE_URL + path (path starts with /) through a pool. Use it as is, or pass \`dispatcher: ${main}\` to your
 * own fetch calls; setGlobalDispatcher(${main}) from 'undici' makes it the default for undici's fetch.
 */
export function postJson(path, body, { agent = ${main}, signal } = {}) {
  return fetch(BASE_URL + path, {
    method: 'POST',
    headers: ${authHeaders(input)},
    body: JSON.stringify(body),
    dispatcher: agent,
    signal,
  });
}

/** Close the pools gracefully on shutdown, e.g. process.once('SIGTERM', closePools). */
export async function closePools() {
  await Promise.all([${names.map((n) => `${n}.close()`).join(', ')}]);
}
`;
}
