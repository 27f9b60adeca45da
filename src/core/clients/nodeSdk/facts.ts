/**
 * The OpenAI and Anthropic Node SDKs: their pool is Node's global fetch (unless given another), so
 * they follow the scenario's Node (../undici/node.ts) and undici's pool rules; what is theirs is the
 * read timeout and the snippet that builds the client.
 */
import { undiciDefaults, undiciKeepalive, undiciPath } from '../undici/facts.ts';
import { bundledPool, DEFAULT_FETCH, NODE_VERSIONS } from '../undici/node.ts';
import type { UndiciRules } from '../undici/policy.ts';
import type { ClientFacts, PathFacts, SourceRef } from '../types.ts';
import { officialSdkRetries } from '../sdkRetries.ts';

/**
 * TCP keep-alive and retries (issue #17). The sockets are the global fetch's: its bundled undici sets
 * SO_KEEPALIVE with a 60 s initial delay (../undici/facts.ts), and neither SDK sets a dispatcher of its
 * own (no keepAlive in src/client.ts). A snippet sets keep-alive through `fetchOptions: { dispatcher:
 * new Agent({ connect: { keepAlive, keepAliveInitialDelay } }) }`. Both SDKs retry connection errors
 * and timeouts (and 408, 409, 429, 5xx) twice by default, waiting
 * min(0.5 s × 2ⁿ, 8 s) × (1 − 0.25 × U) (calculateDefaultRetryTimeoutMillis; a Retry-After header
 * overrides it); openai skips the retry when the request body is a stream.
 */
const sdkPath = (retrySource: SourceRef): PathFacts => ({
  ...undiciPath(DEFAULT_FETCH.undici),
  retries: officialSdkRetries(retrySource),
});

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
  // maxRetries defaults to 2 (#normalizeRetries, client.ts:1045); the backoff is computed at :2243.
  path: sdkPath({ package: 'openai 7.59.0', file: 'src/client.ts', line: 2243 }),
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
  // maxRetries defaults to 2 (client.ts:1123); the backoff is computed at :2120.
  path: sdkPath({ package: '@anthropic-ai/sdk 1.17.0', file: 'src/client.ts', line: 2120 }),
} as const satisfies ClientFacts<UndiciRules>;

export const NODE_SDK_CLIENTS = [OPENAI_TS_CLIENT, ANTHROPIC_TS_CLIENT] as const;
