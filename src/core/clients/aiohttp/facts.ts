/**
 * aiohttp's connection pool (TCPConnector) as four clients use it: a raw ClientSession, the OpenAI
 * and Anthropic Python SDKs' DefaultAioHttpClient (their `[aiohttp]` extra), and LiteLLM's aiohttp
 * transport. Facts only, each with where it was read: aiohttp 3.14.3, openai 3.22.1 and anthropic
 * 1.13.0 in the test venv (scripts/python-env.sh); LiteLLM is not installable here, its lines were
 * read from the BerriAI/litellm sources in the code index (commit 01c9dc59 for http_handler.py).
 */
import { ANTHROPIC_PY_RETRIES, OPENAI_PY_RETRIES } from '../httpx/facts.ts';
import type { ClientDefaults, ClientFacts, PathFacts } from '../types.ts';
import type { AiohttpRules } from './policy.ts';

export const AIOHTTP = 'aiohttp 3.14.3';
const OPENAI = 'openai 3.22.1';
const ANTHROPIC = 'anthropic 1.13.0';
const LITELLM = 'litellm (main, December 2026)';

/** aiohttp has no HTTP/2: every pool below speaks HTTP/1.1, one request per connection. */
const http2 = 'aiohttp speaks HTTP/1.1 only: one request per connection, whatever the server offers.';

/**
 * TCPConnector's rules (aiohttp/connector.py, 3.14.3): idle connections wait in a deque, appended
 * on release (:826) and taken oldest first (:736), so reuse is FIFO; one idle past keepalive_timeout
 * is closed when picked (:739) or by the cleanup timer (:420-445); no idle cap; `limit` and
 * `limit_per_host` count only busy connections (:572-593); and ClientTimeout.connect bounds the
 * wait for a free connection and the new connection's set-up together (:635).
 */
const keepalive =
  'aiohttp keeps every idle connection (no idle cap) until keepalive_timeout and reuses the one idle longest first; its connect timeout (ClientTimeout.connect) also bounds the wait for a free connection, so the pool timeout is really a connect timeout.';

/** TCPConnector(limit=100, limit_per_host=0, keepalive_timeout=15) in a ClientSession with total=300, sock_connect=30. */
const aiohttpDefaults: ClientDefaults = {
  maxConnections: 100,
  maxKeepalive: null,
  keepaliveSec: 15,
  // ClientTimeout.connect defaults to None: only the session's 300 s total ends a long wait.
  poolTimeoutSec: null,
  connectTimeoutSec: 30,
  readTimeoutSec: null,
  protocol: 'h1',
  streamsPerConnection: 1,
};

/**
 * The SDKs' DefaultAioHttpClient passes DEFAULT_CONNECTION_LIMITS (1000 connections, 100 idle) to an
 * AiohttpTransport that maps max_connections to limit and keepalive_expiry (httpx2's default 5 s)
 * to keepalive_timeout, and drops max_keepalive_connections; DEFAULT_TIMEOUT's pool (600 s) becomes
 * ClientTimeout.connect.
 */
const sdkDefaults: ClientDefaults = {
  maxConnections: 1000,
  maxKeepalive: null,
  keepaliveSec: 5,
  poolTimeoutSec: 600,
  connectTimeoutSec: 5,
  readTimeoutSec: 600,
  protocol: 'h1',
  streamsPerConnection: 1,
};

export const AIOHTTP_CLIENT = {
  id: 'aiohttp',
  label: 'aiohttp',
  language: 'python',
  library: 'aiohttp',
  versions: '>=3.14 <4 (ClientSession + TCPConnector)',
  poolLibrary: AIOHTTP,
  poolRules: 'aiohttp',
  defaults: aiohttpDefaults,
  http2,
  keepaliveRule: keepalive,
  sources: {
    maxConnections: { package: AIOHTTP, file: 'aiohttp/connector.py', line: 282 },
    keepaliveSec: { package: AIOHTTP, file: 'aiohttp/connector.py', line: 296 },
    // ClientTimeout.connect (default None, client.py:233) times the wait for a connection and its set-up here.
    poolTimeoutSec: { package: AIOHTTP, file: 'aiohttp/connector.py', line: 635 },
    connectTimeoutSec: { package: AIOHTTP, file: 'aiohttp/client.py', line: 253 },
  },
  targets: [{ id: 'aiohttp', label: 'aiohttp', filename: 'pool.py', language: 'python' }],
  // aiohttp's client sets no SO_KEEPALIVE (tcp_helpers.tcp_keepalive is called by the server's
  // web_protocol.py only); TCPConnector(socket_factory=None) (connector.py:985) lets a snippet make the
  // sockets itself, with SO_KEEPALIVE and TCP_KEEPIDLE. It retries a request on a reused connection
  // that failed (ClientOSError, ServerDisconnectedError) once, for idempotent methods only
  // (client.py:704, IDEMPOTENT_METHODS :256): never a POST.
  path: {
    tcpKeepaliveSec: null,
    tcpKeepaliveSource: { package: AIOHTTP, file: 'aiohttp/connector.py', line: 985 },
    retries: null,
    canSetTcpKeepalive: true,
  },
} as const satisfies ClientFacts<AiohttpRules>;

/** Where the SDKs' aiohttp transport turns httpx2 limits into TCPConnector arguments (and drops the idle cap). */
export const SDK_TRANSPORT = {
  openai: { limit: { package: OPENAI, file: 'openai/_vendor/httpx_aiohttp/transport.py', line: 124 }, keepalive: { package: OPENAI, file: 'openai/_vendor/httpx_aiohttp/transport.py', line: 137 }, pool: { package: OPENAI, file: 'openai/_vendor/httpx_aiohttp/transport.py', line: 176 } },
  anthropic: { limit: { package: ANTHROPIC, file: 'anthropic/_vendor/httpx_aiohttp/transport.py', line: 129 }, keepalive: { package: ANTHROPIC, file: 'anthropic/_vendor/httpx_aiohttp/transport.py', line: 142 }, pool: { package: ANTHROPIC, file: 'anthropic/_vendor/httpx_aiohttp/transport.py', line: 181 } },
} as const;

const dropsIdleCap = 'DefaultAioHttpClient drops max_keepalive_connections: aiohttp keeps every idle connection until keepalive_expiry.';

/**
 * The SDKs' aiohttp transport builds its TCPConnector with keepalive_timeout, ssl, local_addr and limit
 * only (openai transport.py:136, anthropic :141): no socket_factory, so no SO_KEEPALIVE — anthropic's
 * 60 s probes are set by its httpx2 client only. AiohttpTransport stores `socket_options` (openai :110,
 * anthropic :115) but never passes them on, and DefaultAioHttpClient exposes no connector: the only
 * way to set keep-alive is `transport=` an AiohttpTransport from the SDK's private `_vendor` package
 * with a ClientSession of one's own, which is not supported API. Retries are the SDK's own.
 */
const sdkAiohttpPath = (transport: { package: string; file: string; line: number }, retries: PathFacts['retries']): PathFacts => ({
  tcpKeepaliveSec: null,
  tcpKeepaliveSource: transport,
  retries,
  canSetTcpKeepalive: false,
});

export const OPENAI_PY_AIOHTTP_CLIENT = {
  id: 'openai-py-aiohttp',
  label: 'OpenAI Python SDK on aiohttp',
  language: 'python',
  library: 'openai[aiohttp]',
  versions: '>=3.22 (DefaultAioHttpClient)',
  poolLibrary: AIOHTTP,
  poolRules: 'aiohttp',
  defaults: sdkDefaults,
  http2,
  keepaliveRule: `${dropsIdleCap} ${keepalive}`,
  sources: {
    maxConnections: { package: OPENAI, file: 'openai/_constants.py', line: 9 },
    readTimeoutSec: { package: OPENAI, file: 'openai/_constants.py', line: 7 },
    poolTimeoutSec: SDK_TRANSPORT.openai.pool,
  },
  targets: [{ id: 'openai-py-aiohttp', label: 'OpenAI SDK on aiohttp', filename: 'openai_client.py', language: 'python' }],
  path: sdkAiohttpPath({ package: OPENAI, file: 'openai/_vendor/httpx_aiohttp/transport.py', line: 136 }, OPENAI_PY_RETRIES),
} as const satisfies ClientFacts<AiohttpRules>;

export const ANTHROPIC_PY_AIOHTTP_CLIENT = {
  id: 'anthropic-py-aiohttp',
  label: 'Anthropic Python SDK on aiohttp',
  language: 'python',
  library: 'anthropic[aiohttp]',
  versions: '>=1.13 (DefaultAioHttpClient)',
  poolLibrary: AIOHTTP,
  poolRules: 'aiohttp',
  defaults: sdkDefaults,
  http2,
  keepaliveRule: `${dropsIdleCap} ${keepalive}`,
  sources: {
    maxConnections: { package: ANTHROPIC, file: 'anthropic/_constants.py', line: 12 },
    readTimeoutSec: { package: ANTHROPIC, file: 'anthropic/_constants.py', line: 10 },
    poolTimeoutSec: SDK_TRANSPORT.anthropic.pool,
  },
  targets: [{ id: 'anthropic-py-aiohttp', label: 'Anthropic SDK on aiohttp', filename: 'anthropic_client.py', language: 'python' }],
  path: sdkAiohttpPath({ package: ANTHROPIC, file: 'anthropic/_vendor/httpx_aiohttp/transport.py', line: 141 }, ANTHROPIC_PY_RETRIES),
} as const satisfies ClientFacts<AiohttpRules>;

/**
 * LiteLLM's environment settings (litellm/constants.py, read in the code index; not run here):
 * AIOHTTP_CONNECTOR_LIMIT=1000, AIOHTTP_CONNECTOR_LIMIT_PER_HOST=500, AIOHTTP_KEEPALIVE_TIMEOUT=120,
 * imported by litellm/llms/custom_httpx/http_handler.py:28-32 for its TCPConnector. An AI API is
 * one host, so the per-host 500 is the cap that binds.
 */
export const LITELLM_SETTINGS = {
  limit: { name: 'AIOHTTP_CONNECTOR_LIMIT', default: 1000, source: { package: LITELLM, file: 'litellm/constants.py', line: 224 } },
  limitPerHost: { name: 'AIOHTTP_CONNECTOR_LIMIT_PER_HOST', default: 500, source: { package: LITELLM, file: 'litellm/constants.py', line: 225 } },
  keepalive: { name: 'AIOHTTP_KEEPALIVE_TIMEOUT', default: 120, source: { package: LITELLM, file: 'litellm/constants.py', line: 226 } },
  usedBy: { package: LITELLM, file: 'litellm/llms/custom_httpx/http_handler.py', line: 28 },
} as const;

export const LITELLM_CLIENT = {
  id: 'litellm',
  label: 'LiteLLM (aiohttp transport)',
  language: 'python',
  library: 'litellm',
  versions: 'current (aiohttp transport, configured by environment variables)',
  poolLibrary: `aiohttp (LiteLLM pins its own; checked against ${AIOHTTP})`,
  poolRules: 'aiohttp',
  defaults: { ...aiohttpDefaults, maxConnections: LITELLM_SETTINGS.limitPerHost.default, keepaliveSec: LITELLM_SETTINGS.keepalive.default },
  http2,
  keepaliveRule: `LiteLLM sets its TCPConnector from AIOHTTP_CONNECTOR_LIMIT (1000), AIOHTTP_CONNECTOR_LIMIT_PER_HOST (500, the cap for one API host) and AIOHTTP_KEEPALIVE_TIMEOUT (120 s), read once at import. ${keepalive}`,
  sources: { maxConnections: LITELLM_SETTINGS.limitPerHost.source, keepaliveSec: LITELLM_SETTINGS.keepalive.source },
  targets: [{ id: 'litellm', label: 'LiteLLM settings', filename: 'litellm_pool.py', language: 'python' }],
  // LiteLLM builds a socket_factory with SO_KEEPALIVE, TCP_KEEPIDLE AIOHTTP_TCP_KEEPIDLE (60), TCP_KEEPINTVL
  // AIOHTTP_TCP_KEEPINTVL (30) and TCP_KEEPCNT AIOHTTP_TCP_KEEPCNT (5) — but only when the environment
  // sets AIOHTTP_SO_KEEPALIVE=true: it defaults to False (litellm/constants.py, read in the code index)
  // and _build_aiohttp_keepalive_socket_factory returns None (http_handler.py:129, commit 01c9dc59).
  // The settings snippet can set those variables. Retries: UNCERTAIN — LiteLLM's own num_retries and
  // whatever its provider paths pass to the OpenAI SDK were not read here; null says none are known.
  path: {
    tcpKeepaliveSec: null,
    tcpKeepaliveSource: { package: LITELLM, file: 'litellm/llms/custom_httpx/http_handler.py', line: 129 },
    retries: null,
    canSetTcpKeepalive: true,
  },
  simulatorLimits: 'LiteLLM is not installed or run here: its settings come from its source, and the simulator applies aiohttp’s rules to them.',
} as const satisfies ClientFacts<AiohttpRules>;

export const AIOHTTP_CLIENTS = [AIOHTTP_CLIENT, OPENAI_PY_AIOHTTP_CLIENT, ANTHROPIC_PY_AIOHTTP_CLIENT, LITELLM_CLIENT] as const;
