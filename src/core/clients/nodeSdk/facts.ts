/**
 * The OpenAI and Anthropic Node SDKs: their pool is Node's global fetch (unless given another), so
 * they follow the scenario's Node (../undici/node.ts) and undici's pool rules; what is theirs is the
 * read timeout and the snippet that builds the client.
 */
import { undiciDefaults, undiciKeepalive } from '../undici/facts.ts';
import { bundledPool, DEFAULT_FETCH, NODE_VERSIONS } from '../undici/node.ts';
import type { UndiciRules } from '../undici/policy.ts';
import type { ClientFacts } from '../types.ts';

export const OPENAI_TS_CLIENT = {
  id: 'openai-ts',
  label: 'OpenAI Node SDK',
  language: 'typescript',
  library: 'openai',
  versions: `current major on npm (global fetch of ${NODE_VERSIONS})`,
  poolLibrary: bundledPool(DEFAULT_FETCH),
  poolRules: DEFAULT_FETCH.poolRules,
  defaults: { ...undiciDefaults(DEFAULT_FETCH.protocol), readTimeoutSec: 600 },
  http2: DEFAULT_FETCH.http2,
  keepaliveRule: undiciKeepalive,
  sources: {
    protocol: DEFAULT_FETCH.sources.protocol,
    keepaliveSec: DEFAULT_FETCH.sources.keepaliveSec,
    readTimeoutSec: { package: 'openai 7.59.0', file: 'src/client.ts', line: 2590 },
  },
  globalFetch: true,
  targets: [{ id: 'openai-ts', label: 'OpenAI SDK (TypeScript)', filename: 'openai-client.ts', language: 'typescript' }],
} as const satisfies ClientFacts<UndiciRules>;

export const ANTHROPIC_TS_CLIENT = {
  id: 'anthropic-ts',
  label: 'Anthropic Node SDK',
  language: 'typescript',
  library: '@anthropic-ai/sdk',
  versions: `current major on npm (global fetch of ${NODE_VERSIONS})`,
  poolLibrary: bundledPool(DEFAULT_FETCH),
  poolRules: DEFAULT_FETCH.poolRules,
  defaults: { ...undiciDefaults(DEFAULT_FETCH.protocol), readTimeoutSec: 600 },
  http2: DEFAULT_FETCH.http2,
  keepaliveRule: undiciKeepalive,
  sources: {
    protocol: DEFAULT_FETCH.sources.protocol,
    keepaliveSec: DEFAULT_FETCH.sources.keepaliveSec,
    readTimeoutSec: { package: '@anthropic-ai/sdk 1.17.0', file: 'src/client.ts', line: 2286 },
  },
  globalFetch: true,
  targets: [{ id: 'anthropic-ts', label: 'Anthropic SDK (TypeScript)', filename: 'anthropic-client.ts', language: 'typescript' }],
} as const satisfies ClientFacts<UndiciRules>;

export const NODE_SDK_CLIENTS = [OPENAI_TS_CLIENT, ANTHROPIC_TS_CLIENT] as const;
