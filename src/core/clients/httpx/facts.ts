/**
 * httpx 0.28, httpx2 and the OpenAI and Anthropic Python SDKs (built on httpx2): the rows of the
 * clients table whose pool is httpcore's. Facts only, each with where it was read; tests/unit/clients/
 * reads the installed libraries and fails if an entry drifts.
 */
import type { ClientDefaults, ClientFacts, PathFacts } from '../types.ts';
import type { HttpcoreRules } from './policy.ts';
import { officialSdkRetries } from '../sdkRetries.ts';

export const HTTPX = 'httpx 0.28.1';
export const HTTPX2 = 'httpx2 2.13.1';

const httpxDefaults: ClientDefaults = {
  maxConnections: 100,
  maxKeepalive: 20,
  keepaliveSec: 5,
  poolTimeoutSec: 5,
  connectTimeoutSec: 5,
  readTimeoutSec: 5,
  protocol: 'h1',
  streamsPerConnection: 100,
};

/** openai ≥ 3 and anthropic ≥ 1 pass DEFAULT_CONNECTION_LIMITS and DEFAULT_TIMEOUT to an httpx2 client. */
const pythonSdkDefaults: ClientDefaults = {
  maxConnections: 1000,
  maxKeepalive: 100,
  keepaliveSec: 5,
  poolTimeoutSec: 600,
  connectTimeoutSec: 5,
  readTimeoutSec: 600,
  protocol: 'h1',
  streamsPerConnection: 100,
};

const httpcore1Keepalive =
  'httpcore 1.x closes idle connections while all open connections (busy ones included) exceed max_keepalive_connections, before a waiting request gets a freed one — so set it equal to max_connections.';
const httpcore2Keepalive = 'httpcore2 keeps up to max_keepalive_connections idle connections and closes the surplus idle ones only.';

/**
 * TCP keep-alive and retries (issue #17), read in the test venv (tests/unit/clients/path-facts.test.ts
 * re-reads them). httpx and httpx2 pass `socket_options` (default None) from their transports to
 * httpcore, whose backends apply only what they are given plus TCP_NODELAY (httpcore/_backends/anyio.py
 * :104-122, httpcore2/_backends/anyio.py :108-124): no SO_KEEPALIVE, so Linux sends no probe. A snippet
 * sets it with `transport=httpx.AsyncHTTPTransport(socket_options=[…], limits=…)`. Neither retries a
 * request that failed on a connection: the transport's `retries` (default 0) re-dials failed connects
 * only (httpcore/_async/connection.py:110), and the pool's retry catches ConnectionNotAvailable
 * (connection_pool.py: httpcore 1.0.9 :239, httpcore2 2.13.1 :225), which http11.py raises before
 * anything is sent, when the connection it picked is no longer idle.
 */
const rawHttpcorePath = (pkg: string, file: string, line: number): PathFacts => ({
  tcpKeepaliveSec: null,
  tcpKeepaliveSource: { package: pkg, file, line },
  retries: null,
  canSetTcpKeepalive: true,
});

/**
 * The Python SDKs retry APITimeoutError and APIConnectionError (and 408, 409, 429, 5xx) DEFAULT_MAX_RETRIES
 * = 2 times, waiting min(INITIAL_RETRY_DELAY 0.5 s × 2ⁿ, MAX_RETRY_DELAY 8 s) × (1 − 0.25 × U)
 * (_calculate_retry_timeout; a Retry-After header overrides it: openai's up to MAX_RETRY_AFTER_DELAY,
 * 120 s, anthropic's any positive value). The constants are in _constants.py (openai :8, :11, :12;
 * anthropic :11, :14, :15).
 */
export const OPENAI_PY_RETRIES = officialSdkRetries({ package: 'openai 3.22.1', file: 'openai/_base_client.py', line: 878 });
export const ANTHROPIC_PY_RETRIES = officialSdkRetries({ package: 'anthropic 1.13.0', file: 'anthropic/_base_client.py', line: 856 });

export const HTTPX_CLIENT = {
  id: 'httpx',
  label: 'httpx 0.28',
  language: 'python',
  library: 'httpx',
  versions: '>=0.28 <1 (httpcore 1.x)',
  poolLibrary: `${HTTPX} (httpcore 1.0.9)`,
  poolRules: 'httpcore1',
  keepsAllWarm: true,
  defaults: httpxDefaults,
  http2: 'HTTP/2 only with http2=True (needs h2): one connection per origin, extra streams wait on it.',
  keepaliveRule: httpcore1Keepalive,
  sources: {
    maxConnections: { package: HTTPX, file: 'httpx/_config.py', line: 247 },
    poolTimeoutSec: { package: HTTPX, file: 'httpx/_config.py', line: 246 },
    keepaliveSec: { package: HTTPX, file: 'httpx/_config.py', line: 178 },
    protocol: { package: HTTPX, file: 'httpx/_client.py', line: 650 },
  },
  snippet: {
    keepaliveRuleSource: { package: 'httpcore 1.0.9', file: 'httpcore/_async/connection_pool.py', line: 294 },
    h2OneStreamUntilSettings: { package: 'httpcore 1.0.9', file: 'httpcore/_async/http2.py', line: 119 },
  },
  targets: [
    { id: 'httpx', label: 'httpx async', filename: 'pool.py', language: 'python' },
    { id: 'httpx-sync', label: 'httpx sync', filename: 'pool.py', language: 'python' },
    { id: 'monitor-httpx', label: 'Monitor (httpx)', filename: 'pool_monitor.py', language: 'python' },
  ],
  // AsyncHTTPTransport(socket_options=None), httpx/_transports/default.py:292.
  path: rawHttpcorePath(HTTPX, 'httpx/_transports/default.py', 292),
  simulatorLimits:
    'httpx 0.28 holds each connection some 10–20 ms per request longer than the server’s time plus one round trip (its own processing in Python, measured on the shared 2-core calibration machine); a saturated pool turns that into noticeably longer waits (+28 % with a pool of 3 for 10 busy users). The longer hold also overlaps more connections, and its all-connections keep-alive rule then closes more: with max_keepalive_connections 3 of 5, repeated runs measured reuse 0.35–0.44 against 0.49 simulated (httpx2 on the same runs: 0.88 against 0.89). The rule and its direction agree; the simulator overstates httpx 0.28 reuse by up to about 0.1 there. Enter response times as the client measures them.',
} as const satisfies ClientFacts<HttpcoreRules>;

export const HTTPX2_CLIENT = {
  id: 'httpx2',
  label: 'httpx2',
  language: 'python',
  library: 'httpx2',
  versions: '>=2 <3 (httpcore2)',
  poolLibrary: `${HTTPX2} (httpcore2 2.13.1)`,
  poolRules: 'httpcore2',
  defaults: httpxDefaults,
  http2: 'HTTP/2 only with http2=True (needs h2).',
  keepaliveRule: httpcore2Keepalive,
  sources: {
    maxConnections: { package: HTTPX2, file: 'httpx2/_config.py', line: 219 },
    poolTimeoutSec: { package: HTTPX2, file: 'httpx2/_config.py', line: 218 },
    keepaliveSec: { package: HTTPX2, file: 'httpx2/_config.py', line: 174 },
    protocol: { package: HTTPX2, file: 'httpx2/_client.py', line: 624 },
  },
  snippet: {
    keepaliveRuleSource: { package: 'httpcore2 2.13.1', file: 'httpcore2/_async/connection_pool.py', line: 293 },
    h2OneStreamUntilSettings: { package: 'httpcore2 2.13.1', file: 'httpcore2/_async/http2.py', line: 104 },
  },
  targets: [
    { id: 'httpx2', label: 'httpx2 async', filename: 'pool.py', language: 'python' },
    { id: 'httpx2-sync', label: 'httpx2 sync', filename: 'pool.py', language: 'python' },
    { id: 'monitor-httpx2', label: 'Monitor (httpx2)', filename: 'pool_monitor.py', language: 'python' },
  ],
  // AsyncHTTPTransport(socket_options=None), httpx2/_transports/default.py:287.
  path: rawHttpcorePath(HTTPX2, 'httpx2/_transports/default.py', 287),
  simulatorLimits:
    'httpx2 holds each connection some 5–15 ms per request longer than the server’s time plus one round trip (its own processing in Python, on the shared 2-core calibration machine); near saturation (a pool of 3 at 80 % load) that small extra hold time raised the wait far beyond 20 % (596 ms measured, 345 ms simulated from the server’s time; wait grows as 1 ÷ (1 − load)). Given the hold times the client measured, the simulator agrees (calibration replays them). Enter response times as the client measures them.',
} as const satisfies ClientFacts<HttpcoreRules>;

export const OPENAI_PY_CLIENT = {
  id: 'openai-py',
  label: 'OpenAI Python SDK',
  language: 'python',
  library: 'openai',
  versions: '>=3 (on httpx2)',
  poolLibrary: HTTPX2,
  poolRules: 'httpcore2',
  defaults: pythonSdkDefaults,
  http2: 'HTTP/1.1: the SDK builds its httpx2 client without http2.',
  keepaliveRule: httpcore2Keepalive,
  sources: {
    maxConnections: { package: 'openai 3.22.1', file: 'openai/_constants.py', line: 9 },
    readTimeoutSec: { package: 'openai 3.22.1', file: 'openai/_constants.py', line: 7 },
  },
  targets: [{ id: 'openai-py', label: 'OpenAI SDK (Python)', filename: 'openai_client.py', language: 'python' }],
  // DefaultAsyncHttpxClient (openai/_base_client.py:1529) sets timeout, limits and redirects only: no
  // socket options, so no SO_KEEPALIVE. `http_client=openai.DefaultAsyncHttpxClient(transport=
  // httpx2.AsyncHTTPTransport(socket_options=[…], limits=…))` sets it.
  path: {
    tcpKeepaliveSec: null,
    tcpKeepaliveSource: { package: 'openai 3.22.1', file: 'openai/_base_client.py', line: 1529 },
    retries: OPENAI_PY_RETRIES,
    canSetTcpKeepalive: true,
  },
} as const satisfies ClientFacts<HttpcoreRules>;

export const ANTHROPIC_PY_CLIENT = {
  id: 'anthropic-py',
  label: 'Anthropic Python SDK',
  language: 'python',
  library: 'anthropic',
  versions: '>=1 (on httpx2)',
  poolLibrary: HTTPX2,
  poolRules: 'httpcore2',
  defaults: pythonSdkDefaults,
  http2: 'HTTP/1.1: the SDK builds its httpx2 client without http2; it adds TCP keep-alive probes (60 s idle, 60 s apart, 5 probes).',
  keepaliveRule: httpcore2Keepalive,
  sources: {
    maxConnections: { package: 'anthropic 1.13.0', file: 'anthropic/_constants.py', line: 12 },
    readTimeoutSec: { package: 'anthropic 1.13.0', file: 'anthropic/_constants.py', line: 10 },
  },
  targets: [{ id: 'anthropic-py', label: 'Anthropic SDK (Python)', filename: 'anthropic_client.py', language: 'python' }],
  // DefaultAsyncHttpxClient builds its own transport with socket_options SO_KEEPALIVE, TCP_KEEPINTVL 60,
  // TCP_KEEPCNT 5, TCP_KEEPIDLE 60 (anthropic/_base_client.py:1633-1657; the sync client :935-959) —
  // only when no `transport=` is passed: a snippet that passes its own transport must set them itself.
  path: {
    tcpKeepaliveSec: 60,
    tcpKeepaliveSource: { package: 'anthropic 1.13.0', file: 'anthropic/_base_client.py', line: 1649 },
    retries: ANTHROPIC_PY_RETRIES,
    canSetTcpKeepalive: true,
  },
} as const satisfies ClientFacts<HttpcoreRules>;

export const HTTPX_CLIENTS = [HTTPX_CLIENT, HTTPX2_CLIENT, OPENAI_PY_CLIENT, ANTHROPIC_PY_CLIENT] as const;
