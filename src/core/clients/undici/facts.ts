/**
 * undici 8 and 7 and Node's global fetch: the rows of the clients table whose pool is an undici
 * Agent. Facts only, each with where it was read: package, file and line in the version named;
 * tests/unit/clients/ reads the installed libraries and fails if an entry drifts.
 */
import type { ClientDefaults, ClientFacts, PathFacts, SourceRef } from '../types.ts';
import { bundledPool, DEFAULT_FETCH, NODE_VERSIONS } from './node.ts';
import type { UndiciRules } from './policy.ts';

export const UNDICI7 = 'undici 7.30.2';
export const UNDICI8 = 'undici 8.13.1';

/**
 * undici's Agent/Pool defaults. `connections` null = no cap (lib/dispatcher/pool.js); the Client
 * sets keep-alive 4 s, a 600 s cap on server hints and a 2 s safety threshold (lib/dispatcher/client.js).
 */
export const undiciDefaults = (protocol: 'h1' | 'h2'): ClientDefaults => ({
  maxConnections: null,
  maxKeepalive: null,
  keepaliveSec: 4,
  poolTimeoutSec: null,
  connectTimeoutSec: 10,
  readTimeoutSec: 300,
  protocol,
  streamsPerConnection: 100,
});

export const undiciKeepalive =
  'undici keeps every idle socket (no idle cap) until keepAliveTimeout, or the server’s Keep-Alive hint minus 2 s, and gives the next request the first free socket in creation order.';

/**
 * TCP keep-alive and retries (issue #17). undici's connector turns SO_KEEPALIVE on for every socket
 * unless `connect.keepAlive` is false, with `keepAliveInitialDelay` defaulting to 60e3 ms
 * (lib/core/connect.js: `socket.setKeepAlive(true, keepAliveInitialDelay)`); Node's setKeepAlive sets
 * TCP_KEEPIDLE to that delay. The same lines are in every undici the table names: 8.13.1 :142,
 * 7.30.2 :128, and the ones Node's fetch bundles: 6.28.1 (Node 22) :137, 7.29.1 (Node 24) :122,
 * 8.10.2 (Node 26) :136 (tests/fixtures/{undici8,node24,node26}/node_modules/undici-bundled). It does not retry: when a
 * socket closes under a request, the head of the pipeline fails (client-h1.js "Fail head of
 * pipeline", 8.13.1 :1061, 7.30.2 :999); RetryAgent/RetryHandler retry only when used explicitly.
 * An Agent takes `connect: { keepAlive, keepAliveInitialDelay }`, so a snippet can set it.
 */
export const UNDICI_KEEPALIVE_LINES: Readonly<Record<string, number>> = {
  '8.13.1': 142,
  '7.30.2': 128,
  '6.28.1': 137,
  '7.29.1': 122,
  '8.10.2': 136,
};

const undiciKeepaliveSource = (version: string): SourceRef => ({ package: `undici ${version}`, file: 'lib/core/connect.js', line: UNDICI_KEEPALIVE_LINES[version]! });

/** What an undici Agent does on the path: 60 s TCP keep-alive, no retries, settable through `connect`. */
export const undiciPath = (version: string): PathFacts => ({
  tcpKeepaliveSec: 60,
  tcpKeepaliveSource: undiciKeepaliveSource(version),
  retries: null,
  canSetTcpKeepalive: true,
});

export const UNDICI8_CLIENT = {
  id: 'undici',
  label: 'undici 8',
  language: 'javascript',
  library: 'undici',
  versions: '>=8.0 <9 (Node >= 22.19)',
  poolLibrary: UNDICI8,
  poolRules: 'undici8',
  defaults: undiciDefaults('h2'),
  http2: 'allowH2 is on unless set to false: it speaks HTTP/2 wherever the server offers it, and multiplexes POSTs (8.5+).',
  keepaliveRule: undiciKeepalive,
  sources: {
    maxConnections: { package: UNDICI8, file: 'lib/dispatcher/pool.js', line: 99 },
    keepaliveSec: { package: UNDICI8, file: 'lib/dispatcher/client.js', line: 311 },
    protocol: { package: UNDICI8, file: 'lib/dispatcher/client.js', line: 234 },
  },
  snippet: {
    // The top-level maxConcurrentStreams still works but warns that it will go in a future major.
    streamsOption: { name: 'h2Options.maxConcurrentStreams', source: { package: UNDICI8, file: 'lib/dispatcher/client.js', line: 332 } },
    multiplexesPosts: { value: true, source: { package: UNDICI8, file: 'lib/dispatcher/client-h2.js', line: 398 } },
  },
  targets: [
    { id: 'undici', label: 'undici 8', filename: 'pool.mjs', language: 'javascript' },
    { id: 'monitor-undici', label: 'Monitor (undici)', filename: 'pool-monitor.mjs', language: 'javascript' },
  ],
  path: undiciPath(UNDICI8.replace('undici ', '')),
} as const satisfies ClientFacts<UndiciRules>;

export const UNDICI7_CLIENT = {
  id: 'undici7',
  label: 'undici 7',
  language: 'javascript',
  library: 'undici',
  versions: '>=7.0 <8 (Node >= 20.18)',
  poolLibrary: UNDICI7,
  poolRules: 'undici7',
  defaults: undiciDefaults('h1'),
  http2: 'HTTP/2 only with allowH2: true, and then one POST at a time per connection (non-idempotent requests block it).',
  keepaliveRule: undiciKeepalive,
  sources: {
    maxConnections: { package: UNDICI7, file: 'lib/dispatcher/pool.js', line: 68 },
    keepaliveSec: { package: UNDICI7, file: 'lib/dispatcher/client.js', line: 253 },
    streamsPerConnection: { package: UNDICI7, file: 'lib/dispatcher/client.js', line: 270 },
  },
  snippet: {
    streamsOption: { name: 'maxConcurrentStreams', source: { package: UNDICI7, file: 'lib/dispatcher/client.js', line: 270 } },
    multiplexesPosts: { value: false, source: { package: UNDICI7, file: 'lib/dispatcher/client-h2.js', line: 197 } },
  },
  targets: [{ id: 'undici7', label: 'undici 7', filename: 'pool.mjs', language: 'javascript' }],
  path: undiciPath(UNDICI7.replace('undici ', '')),
  simulatorLimits:
    'Over HTTP/2 with 12 closed users and `connections: 4`, undici 7.30 opened 10 connections in a 300-POST calibration run and queued far less than its one-POST-per-connection rule predicts (mean latency 144 ms measured, 226 ms simulated); the cause is not established. The simulator is pessimistic for undici 7 over HTTP/2; with Poisson arrivals under the cap it agreed.',
} as const satisfies ClientFacts<UndiciRules>;

export const NODE_FETCH_CLIENT = {
  id: 'node-fetch',
  label: 'Node.js global fetch',
  language: 'javascript',
  library: 'node (built-in fetch)',
  versions: NODE_VERSIONS,
  poolLibrary: bundledPool(DEFAULT_FETCH),
  poolRules: DEFAULT_FETCH.poolRules,
  defaults: undiciDefaults(DEFAULT_FETCH.protocol),
  http2: DEFAULT_FETCH.http2,
  keepaliveRule: undiciKeepalive,
  sources: { protocol: DEFAULT_FETCH.sources.protocol, keepaliveSec: DEFAULT_FETCH.sources.keepaliveSec },
  globalFetch: true,
  targets: [{ id: 'undici', label: 'undici 8 (pass as dispatcher)', filename: 'pool.mjs', language: 'javascript' }],
  // The bundled undici of the default Node; every Node major's bundled undici has the same 60 s default.
  path: undiciPath(DEFAULT_FETCH.undici),
} as const satisfies ClientFacts<UndiciRules>;

export const UNDICI_CLIENTS = [UNDICI8_CLIENT, UNDICI7_CLIENT, NODE_FETCH_CLIENT] as const;
