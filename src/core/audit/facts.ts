/**
 * Library behaviours the audit states, each read in the installed library (tests/fixtures/python/venv
 * from scripts/python-env.sh; tests/fixtures/undici8/node_modules): package, file and line.
 */
import type { SourceRef } from '../clients/types.ts';

const HTTPX = 'httpx 0.28.1';
const HTTPX2 = 'httpx2 2.13.1';
const OPENAI = 'openai 3.22.1';
const ANTHROPIC = 'anthropic 1.13.0';
const UNDICI8 = 'undici 8.13.1';

export const AUDIT_FACTS = {
  /** `transport=` wins: _init_transport returns it and the client's limits and http2 are never used. */
  transportWins: { httpx: { package: HTTPX, file: 'httpx/_client.py', line: 1442 }, httpx2: { package: HTTPX2, file: 'httpx2/_client.py', line: 1537 } },
  /** Limits() with no arguments: max_connections and max_keepalive_connections default to None (no cap). */
  limitsNone: { package: HTTPX, file: 'httpx/_config.py', line: 176 },
  /** http2=True imports h2 in the constructor and raises ImportError without it. */
  needsH2: { httpx: { package: HTTPX, file: 'httpx/_client.py', line: 1392 }, httpx2: { package: HTTPX2, file: 'httpx2/_client.py', line: 1489 } },
  /** HTTP/2 only when TLS ALPN selected h2 (or http1=False): plain http:// stays HTTP/1.1. */
  h2NeedsTls: { httpx: { package: 'httpcore 1.0.9', file: 'httpcore/_async/connection.py', line: 85 }, httpx2: { package: 'httpcore2 2.13.1', file: 'httpcore2/_async/connection.py', line: 78 } },
  /** openai 3 accepts an httpx 0.x AsyncClient next to httpx2's, and then runs on it. */
  openaiLegacyHttpx: { package: OPENAI, file: 'openai/_base_client.py', line: 1619 },
  /** anthropic 1 refuses anything but httpx2.AsyncClient: TypeError in the constructor. */
  anthropicRejects: { async: { package: ANTHROPIC, file: 'anthropic/_base_client.py', line: 1757 }, sync: { package: ANTHROPIC, file: 'anthropic/_base_client.py', line: 1036 } },
  /** The SDK keeps its own 600 s timeout unless the http_client's differs from httpx's default. */
  sdkTimeoutFromClient: { package: OPENAI, file: 'openai/_base_client.py', line: 1612 },
  /** DefaultAioHttpClient: max_connections None → no limit kwarg → TCPConnector's own default 100. */
  aioLimitOmitted: { package: OPENAI, file: 'openai/_vendor/httpx_aiohttp/transport.py', line: 122 },
  /** TCPConnector(limit=0) means no limit; limit_per_host=0 too. */
  aiohttpNoLimit: { package: 'aiohttp 3.14.3', file: 'aiohttp/connector.py', line: 589 },
  /** undici keeps a socket until keepAliveTimeout, or the server's Keep-Alive hint minus keepAliveTimeoutThreshold (2 s), capped at keepAliveMaxTimeout. */
  undiciHint: { package: UNDICI8, file: 'lib/dispatcher/client.js', line: 313 },
} satisfies Record<string, SourceRef | Record<string, SourceRef>>;
