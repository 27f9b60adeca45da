/**
 * Go's net/http Transport as three clients use it: raw `http.DefaultClient`, openai-go (which sends
 * through `http.DefaultClient`) and anthropic-sdk-go (a clone of `http.DefaultTransport` with a
 * 10 min ResponseHeaderTimeout). Facts only, each with where it was read: Debian's Go 1.19.8
 * (/usr/lib/go-1.19/src/net/http), openai-go v3.52.0 (commit 4e5a07a6) and anthropic-sdk-go v1.60.0
 * (commit b43f0d7a), fetched from GitHub; the SDK modules cannot be downloaded here, so they are not run.
 */
import type { ClientDefaults, ClientFacts, PathFacts, SourceRef } from '../types.ts';
import type { GoNetHttpRules } from './policy.ts';
import { officialSdkRetries } from '../sdkRetries.ts';

export const GO = 'Go 1.19.8 (net/http)';
const OPENAI_GO = 'openai-go v3.52.0';
const ANTHROPIC_GO = 'anthropic-sdk-go v1.60.0';
const TRANSPORT = 'net/http/transport.go';

/** Where the Transport's rules are implemented (the policy and the snippets cite these). */
export const GO_RULES = {
  idleCapPerHost: { package: GO, file: TRANSPORT, line: 975 },
  idleCapTotal: { package: GO, file: TRANSPORT, line: 985 },
  lifoReuse: { package: GO, file: TRANSPORT, line: 1038 },
  handToWaiter: { package: GO, file: TRANSPORT, line: 936 },
  connsPerHostWait: { package: GO, file: TRANSPORT, line: 1438 },
  noConnCap: { package: GO, file: TRANSPORT, line: 1418 },
  forceH2: { package: GO, file: TRANSPORT, line: 387 },
  h2ExtraConn: { package: GO, file: 'net/http/h2_bundle.go', line: 7629 },
  h2ColdDialDiscarded: { package: GO, file: 'net/http/h2_bundle.go', line: 6966 },
} as const satisfies Record<string, SourceRef>;

/** The line each SDK hands an *http.Client over on, and where its default client is set. */
export const GO_SDK_WIRING = {
  openai: { option: { package: OPENAI_GO, file: 'option/requestoption.go', line: 55 }, default: { package: OPENAI_GO, file: 'internal/requestconfig/requestconfig.go', line: 282 } },
  anthropic: { option: { package: ANTHROPIC_GO, file: 'option/requestoption.go', line: 178 }, default: { package: ANTHROPIC_GO, file: 'client.go', line: 54 } },
} as const;

/** http.DefaultTransport: no per-host cap, 2 idle per host, 90 s idle timeout, HTTP/2 forced on over TLS. */
const transportDefaults: ClientDefaults = {
  maxConnections: null,
  maxKeepalive: 2,
  keepaliveSec: 90,
  // Nothing times the wait for a connection but the request's own context.
  poolTimeoutSec: null,
  connectTimeoutSec: 30,
  readTimeoutSec: null,
  protocol: 'h2',
  // The client takes the server's SETTINGS_MAX_CONCURRENT_STREAMS (100 until it arrives, h2_bundle.go:6808).
  streamsPerConnection: 100,
};

const sources = {
  maxConnections: GO_RULES.noConnCap,
  maxKeepalive: { package: GO, file: TRANSPORT, line: 58 },
  keepaliveSec: { package: GO, file: TRANSPORT, line: 51 },
  connectTimeoutSec: { package: GO, file: TRANSPORT, line: 46 },
  protocol: { package: GO, file: TRANSPORT, line: 49 },
  streamsPerConnection: { package: GO, file: 'net/http/h2_bundle.go', line: 6808 },
} as const satisfies Partial<Record<keyof ClientDefaults, SourceRef>>;

const http2 =
  'HTTP/2 by ALPN over TLS (ForceAttemptHTTP2 in http.DefaultTransport), plain HTTP/1.1 without TLS; a connection takes streams up to the server’s limit, then Go opens another (StrictMaxConcurrentStreams is off).';

const keepalive =
  'Go keeps at most MaxIdleConnsPerHost idle connections per host (default 2): a connection freed with that many idle already is closed (errTooManyIdleHost), so every burst above 2 concurrent requests re-dials on the next one; the most recently used idle connection is reused first.';

const targets = [{ id: 'go-nethttp', label: 'Go net/http', filename: 'aipool.go', language: 'go' }] as const;

/**
 * What `npm run calibrate` showed (docs/calibration.md): raw net/http run as go-nethttp on Go 1.19.8;
 * the SDKs send through the same Transport. The late-binding race: getConn queues the request for an
 * idle connection (transport.go:1355, parked in idleConnWait :1089) before it dials (:1373); a freed
 * connection goes to the oldest such waiter (tryPutIdleConn :936-943), and the finished dial, no longer
 * wanted, goes idle or closes (dialConnFor :1451-1456). The simulator attaches the request to its own
 * dial: it counts the same dials but no late binding (moving a request between connections is not in
 * the engine). Measured by the proxy's accepted connections against those the server saw a request on.
 */
const simulatorLimits =
  'Calibrated with npm run calibrate as go-nethttp (Go 1.19.8, the snippet as pasted; openai-go and anthropic-sdk-go send through the same Transport but cannot be downloaded here, so they are not run themselves): it agrees on every HTTP/1.1 and HTTP/2 case but where one race shows. A request that finds no idle connection both dials and waits for an idle one; a connection freed meanwhile goes to it, and the finished dial goes idle or closes (late binding, transport.go:1355-1373, :936, :1451-1456). The simulator attaches the request to its own dial, so it counts the same dials (users-short-keepalive: 129 dials for 300 requests, 0.43 per request, 0.43 simulated), but a quarter of them there never carried a request (33; 10 more were first used by a later request): reuse, counted from the requests the server sees per connection, measured 0.66 against 0.57 simulated in two runs (new connections per request 0.34 against 0.43), and a request bound late waits for the freed connection (mean wait 8 ms, none simulated). Where few connections open the race moves a handful of them (server-hint: 3 and 5 opened in 108 requests over two runs, 5.4 simulated). Over HTTP/2 every request of a cold burst dials its own TLS connection before all but one are closed (h2_bundle.go:6966): 4 dials in h2-users and h2-poisson, one carrying every request; the simulator counts one set-up.';

/**
 * TCP keep-alive and retries (issue #17), Go 1.19.8. http.DefaultTransport dials with
 * net.Dialer{KeepAlive: 30 * time.Second} (transport.go:47); the dialer turns SO_KEEPALIVE on and sets
 * the period (net/dial.go:433-439), which on Linux is both TCP_KEEPIDLE and TCP_KEEPINTVL
 * (net/tcpsockopt_unix.go:15-23): the first probe after 30 s idle, then every 30 s. Both SDKs keep that
 * dialer (openai-go uses http.DefaultClient, anthropic-sdk-go clones http.DefaultTransport), and any
 * snippet can set it with its own net.Dialer{KeepAlive: …} (option.WithHTTPClient for the SDKs).
 *
 * net/http's own retry is not a backoff: (*Transport).roundTrip (transport.go:504-625) re-sends a
 * request at once on a new connection only when shouldRetryRequest (:685-727) allows it: never on a
 * fresh connection; on a reused one, when nothing was written (nothingWrittenError) and the body is
 * empty or has GetBody (http.NewRequest with a bytes.Reader sets it, so such a POST qualifies); or,
 * for a replayable request (GET/HEAD/OPTIONS/TRACE, or any method carrying an Idempotency-Key or
 * X-Idempotency-Key header, request.go:1435), after errServerClosedIdle or a failed read of the first
 * response byte. A POST whose bytes went out before the path's RST or silence surfaced is not retried
 * (neither SDK sets Idempotency-Key), so the table says null for raw net/http.
 */
const goKeepaliveSource: SourceRef = { package: GO, file: TRANSPORT, line: 47 };
const goPath = (retries: PathFacts['retries']): PathFacts => ({ tcpKeepaliveSec: 30, tcpKeepaliveSource: goKeepaliveSource, retries, canSetTcpKeepalive: true });

export const GO_NETHTTP_CLIENT = {
  id: 'go-nethttp',
  label: 'Go net/http',
  language: 'go',
  library: 'net/http',
  versions: 'Go 1.19 and later (http.DefaultClient / http.Transport)',
  poolLibrary: GO,
  poolRules: 'go-nethttp',
  defaults: transportDefaults,
  http2,
  keepaliveRule: keepalive,
  sources,
  targets: [...targets],
  idleCapOption: 'MaxIdleConnsPerHost',
  path: goPath(null),
  simulatorLimits,
} as const satisfies ClientFacts<GoNetHttpRules>;

export const OPENAI_GO_CLIENT = {
  id: 'openai-go',
  label: 'OpenAI Go SDK',
  language: 'go',
  library: 'github.com/openai/openai-go/v3',
  versions: 'v3 (sends through http.DefaultClient unless given option.WithHTTPClient)',
  poolLibrary: GO,
  poolRules: 'go-nethttp',
  defaults: transportDefaults,
  http2,
  keepaliveRule: `openai-go sends through http.DefaultClient (requestconfig.go:282), so it shares http.DefaultTransport with the whole process. ${keepalive}`,
  sources: { ...sources, maxConnections: GO_SDK_WIRING.openai.default },
  targets: [...targets],
  idleCapOption: 'MaxIdleConnsPerHost',
  // MaxRetries 2 (internal/requestconfig/requestconfig.go:278); retryDelay: 0.5 s × 2^retryCount capped
  // at MaxRetryDelay (DefaultMaxServerDelay 8 s, :30), minus rand.Int63n(delay/4) (:540-550). A nil
  // response (a connection error or timeout) is retried when the body can be re-read (shouldRetry :380).
  path: goPath(officialSdkRetries({ package: OPENAI_GO, file: 'internal/requestconfig/requestconfig.go', line: 540 })),
  simulatorLimits,
} as const satisfies ClientFacts<GoNetHttpRules>;

export const ANTHROPIC_GO_CLIENT = {
  id: 'anthropic-go',
  label: 'Anthropic Go SDK',
  language: 'go',
  library: 'github.com/anthropics/anthropic-sdk-go',
  versions: '>=1.60 (a clone of http.DefaultTransport with ResponseHeaderTimeout 10 min)',
  poolLibrary: GO,
  poolRules: 'go-nethttp',
  defaults: { ...transportDefaults, readTimeoutSec: 600 },
  http2,
  keepaliveRule: `anthropic-sdk-go clones http.DefaultTransport (default_http_client.go:25), keeping its pool defaults. ${keepalive}`,
  sources: { ...sources, readTimeoutSec: { package: ANTHROPIC_GO, file: 'default_http_client.go', line: 14 } },
  targets: [...targets],
  idleCapOption: 'MaxIdleConnsPerHost',
  // MaxRetries 2 (internal/requestconfig/requestconfig.go:173); retryDelay: 0.5 s × 2^retryCount capped
  // at 8 s, minus rand.Int63n(delay/4) (:365-380). The clone of http.DefaultTransport
  // (default_http_client.go:25) keeps its dialer, so its 30 s keep-alive.
  path: goPath(officialSdkRetries({ package: ANTHROPIC_GO, file: 'internal/requestconfig/requestconfig.go', line: 372 })),
  simulatorLimits,
} as const satisfies ClientFacts<GoNetHttpRules>;

export const GO_NETHTTP_CLIENTS = [GO_NETHTTP_CLIENT, OPENAI_GO_CLIENT, ANTHROPIC_GO_CLIENT] as const;
