/**
 * OkHttp's pool as three clients use it: raw OkHttp, and the OpenAI and Anthropic Java SDKs (built
 * on it). Facts only, each with where it was read: OkHttp 3.13.1 (square/okhttp tag parent-3.13.1;
 * Debian's libokhttp-java runs it here) and 5.x (main, commit 1682d9ba), openai-java 4.52.0 (commit
 * 5f499c32) and anthropic-sdk-java 2.57.0 (commit 8f5861c8), fetched from GitHub. The SDKs need
 * Maven Central, unreachable here: their lines are checked against source, not run.
 */
import type { ClientDefaults, ClientFacts, PathFacts, SourceRef } from '../types.ts';
import type { OkHttpRules } from './policy.ts';
import { officialSdkRetries } from '../sdkRetries.ts';

export const OKHTTP = 'OkHttp 3.13.1';
const OKHTTP5 = 'OkHttp 5.x (main)';
const OPENAI_JAVA = 'openai-java 4.52.0';
const ANTHROPIC_JAVA = 'anthropic-sdk-java 2.57.0';
const DISPATCHER = 'okhttp/src/main/java/okhttp3/Dispatcher.java';
const POOL = 'okhttp/src/main/java/okhttp3/ConnectionPool.java';
const CLIENT = 'okhttp/src/main/java/okhttp3/OkHttpClient.java';

/** Where OkHttp's rules are implemented (the policy and the snippets cite these). */
export const OKHTTP_RULES = {
  maxRequests: { package: OKHTTP, file: DISPATCHER, line: 40 },
  maxRequestsPerHost: { package: OKHTTP, file: DISPATCHER, line: 41 },
  promote: { package: OKHTTP, file: DISPATCHER, line: 191 },
  idleDefaults: { package: OKHTTP, file: POOL, line: 84 },
  evictLongestIdle: { package: OKHTTP, file: POOL, line: 219 },
  reuseInCreationOrder: { package: OKHTTP, file: POOL, line: 117 },
  http2Streams: { package: OKHTTP, file: 'okhttp/src/main/java/okhttp3/internal/connection/RealConnection.java', line: 205 },
  /** The same API in 5.x: what the snippet calls exists in both (checked in source). */
  dispatcher5: { package: OKHTTP5, file: 'okhttp/src/commonJvmAndroid/kotlin/okhttp3/Dispatcher.kt', line: 66 },
  pool5: { package: OKHTTP5, file: 'okhttp/src/commonJvmAndroid/kotlin/okhttp3/ConnectionPool.kt', line: 68 },
} as const satisfies Record<string, SourceRef>;

/** Per SDK: the line lifting the per-host cap, and the builder methods the snippet's SDK lines call. */
export const JAVA_SDK_WIRING = {
  openai: {
    perHost: { package: OPENAI_JAVA, file: 'openai-java-client-okhttp/src/main/kotlin/com/openai/client/okhttp/OkHttpClient.kt', line: 237 },
    builder: { package: OPENAI_JAVA, file: 'openai-java-client-okhttp/src/main/kotlin/com/openai/client/okhttp/OpenAIOkHttpClient.kt', line: 73 },
  },
  anthropic: {
    perHost: { package: ANTHROPIC_JAVA, file: 'anthropic-java-client-okhttp/src/main/kotlin/com/anthropic/client/okhttp/OkHttpClient.kt', line: 293 },
    builder: { package: ANTHROPIC_JAVA, file: 'anthropic-java-client-okhttp/src/main/kotlin/com/anthropic/client/okhttp/AnthropicOkHttpClient.kt', line: 74 },
  },
} as const;

/** new OkHttpClient(): 5 async calls per host, 5 idle connections for 5 minutes, 10 s connect and read. */
const okhttpDefaults: ClientDefaults = {
  maxConnections: 5,
  maxKeepalive: 5,
  keepaliveSec: 300,
  // A call queued in the Dispatcher waits as long as it takes: its call timeout starts when it runs.
  poolTimeoutSec: null,
  connectTimeoutSec: 10,
  readTimeoutSec: 10,
  protocol: 'h2',
  // OkHttp has no stream limit of its own: a connection takes what the server announces.
  streamsPerConnection: 100,
};

/** The SDKs set maxRequestsPerHost = maxRequests (64); connect 1 min, read = request timeout 10 min (core/Timeout.kt). */
const sdkDefaults: ClientDefaults = { ...okhttpDefaults, maxConnections: 64, connectTimeoutSec: 60, readTimeoutSec: 600 };

const http2 = 'HTTP/2 by ALPN over TLS (on Java 9+): calls to one host share a connection up to the server’s stream limit; the Dispatcher’s per-host cap still counts calls, not connections.';

const dispatcherRule =
  'OkHttp’s Dispatcher runs at most maxRequestsPerHost (default 5) asynchronous calls per host and maxRequests (64) in all; the rest wait in its queue, not in the connection pool, with no time limit. Synchronous execute() calls are not counted. The ConnectionPool caps only idle connections (5, closing the one idle longest) and keeps them 5 minutes.';

// The per-host cap counts calls in the Dispatcher; the idle cap is the ConnectionPool's.
const callQueue = { option: 'maxRequestsPerHost', queue: 'the Dispatcher' } as const;
const idleCapOption = 'ConnectionPool’s maxIdleConnections';

const targets = [{ id: 'okhttp', label: 'Java OkHttp', filename: 'AiPool.java', language: 'java' }] as const;

/**
 * What `npm run calibrate` showed (docs/calibration.md): raw OkHttp 3.13.1 on JDK 17, run as okhttp
 * through the snippet's enqueue. Over HTTP/2 every call of a cold burst connects before any connection
 * is pooled; each then puts its own and, being multiplexed, keeps the first and closes the rest
 * (StreamAllocation.findConnection, Internal.deduplicate at StreamAllocation.java:271, line table of
 * Debian's okhttp 3.13.1 jar). Counted by the proxy's accepted connections.
 */
const simulatorLimits =
  'Calibrated with npm run calibrate as okhttp (OkHttp 3.13.1 on JDK 17, the snippet as pasted; openai-java and anthropic-java build their own OkHttpClient on the same Dispatcher and pool but cannot be downloaded here, so they are not run themselves): it agrees on every HTTP/1.1 and HTTP/2 case. The Dispatcher cap is modelled for asynchronous calls (the snippet sends through enqueue); synchronous execute() calls are not capped at all. Over HTTP/2 each call of a cold burst connects its own TLS connection before OkHttp keeps the first and closes the rest (StreamAllocation.java:271): 4 dials in h2-users and 6 in h2-poisson, one carrying every call; the simulator counts one set-up. A cold JVM takes some 0.5 s over its first TLS connections (class loading and JIT, not modelled), so the calls queued in the Dispatcher behind them can outlast the 10 % warm-up: h2-poisson measured 338 ms mean latency in one run (206 simulated) and 227 ms in the next (208).';

/**
 * TCP keep-alive and retries (issue #17). OkHttp makes its sockets with the client's SocketFactory,
 * SocketFactory.getDefault() unless set (OkHttpClient.java:490; RealConnection.java:241 createSocket()),
 * and never calls setKeepAlive: java.net.Socket's SO_KEEPALIVE is off by default, so no probes. A
 * snippet can set it with OkHttpClient.Builder.socketFactory(a factory whose sockets call
 * setKeepAlive(true) and, on Java 11+, setOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE, …)).
 * The SDKs' builders expose sslSocketFactory only, not socketFactory (OkHttpClient.kt in both), and
 * take no OkHttp client of one's own: only a whole custom HttpClient implementation could, so no.
 */
const noKeepalive: SourceRef = { package: OKHTTP, file: CLIENT, line: 490 };

/**
 * OkHttp 3.13's retryOnConnectionFailure (default true, OkHttpClient.java:499): RetryAndFollowUpInterceptor
 * re-sends a call at once, on another connection, after an IOException (recover, :218-233) — a POST
 * too, unless its body is an UnrepeatableRequestBody — but not after a read timeout once the request
 * was sent (isRecoverable :251-252), nor after a ProtocolException or an SSL failure. It keeps doing so
 * while the route selector has a route (hasMoreRoutes): a stale pooled connection costs one re-send,
 * and a fresh connection that fails drops its route. No delay and no fixed count: the closest fit is
 * one immediate retry (max 1, 0 s).
 */
/** Re-sent at once on another connection after a connection failure; a read timeout after sending is not retried (RetryAndFollowUpInterceptor.java:223, recover()). */
const okhttpRetries = { max: 1, initialSec: 0, maxSec: 0, jitter: 0, readTimeouts: false, source: { package: OKHTTP, file: 'okhttp/src/main/java/okhttp3/internal/http/RetryAndFollowUpInterceptor.java', line: 223 } } as const;

/**
 * The SDKs turn OkHttp's retry off (`.retryOnConnectionFailure(false)`: openai OkHttpClient.kt:181,
 * anthropic :238) and retry in RetryingHttpClient: any IOException or a retryable status, maxRetries 2
 * (ClientOptions.kt: openai :213, anthropic :195), backoff min(0.5 × 2^(retries−1), 8) s × (1 − 0.25 × U)
 * with retries counted from 1 (openai RetryingHttpClient.kt:220, anthropic :222); Retry-After overrides.
 * anthropic-java also sets pingInterval(1 min) (OkHttpClient.kt:239): HTTP/2 PINGs, which keep a NAT
 * mapping warm but, per AWS, do not reset an ALB's idle timer.
 */
const sdkPath = (line: number, pkg: string, file: string): PathFacts => ({
  tcpKeepaliveSec: null,
  tcpKeepaliveSource: noKeepalive,
  retries: officialSdkRetries({ package: pkg, file, line }),
  canSetTcpKeepalive: false,
});

export const OKHTTP_CLIENT = {
  id: 'okhttp',
  label: 'OkHttp',
  language: 'java',
  library: 'com.squareup.okhttp3:okhttp',
  versions: '3.13 to 5.x (OkHttpClient, Dispatcher, ConnectionPool)',
  poolLibrary: OKHTTP,
  poolRules: 'okhttp',
  defaults: okhttpDefaults,
  http2,
  keepaliveRule: dispatcherRule,
  sources: {
    maxConnections: OKHTTP_RULES.maxRequestsPerHost,
    maxKeepalive: OKHTTP_RULES.idleDefaults,
    keepaliveSec: OKHTTP_RULES.idleDefaults,
    connectTimeoutSec: { package: OKHTTP, file: CLIENT, line: 501 },
    readTimeoutSec: { package: OKHTTP, file: CLIENT, line: 502 },
  },
  targets: [...targets],
  idleCapOption,
  callQueue,
  path: { tcpKeepaliveSec: null, tcpKeepaliveSource: noKeepalive, retries: okhttpRetries, canSetTcpKeepalive: true },
  simulatorLimits,
} as const satisfies ClientFacts<OkHttpRules>;

export const OPENAI_JAVA_CLIENT = {
  id: 'openai-java',
  label: 'OpenAI Java SDK',
  language: 'java',
  library: 'com.openai:openai-java',
  versions: '>=4 (OpenAIOkHttpClient)',
  poolLibrary: OKHTTP,
  poolRules: 'okhttp',
  defaults: sdkDefaults,
  http2,
  keepaliveRule: `openai-java raises maxRequestsPerHost to maxRequests, 64 (OkHttpClient.kt:237), for its async calls. ${dispatcherRule}`,
  sources: {
    maxConnections: JAVA_SDK_WIRING.openai.perHost,
    maxKeepalive: OKHTTP_RULES.idleDefaults,
    keepaliveSec: OKHTTP_RULES.idleDefaults,
    connectTimeoutSec: { package: OPENAI_JAVA, file: 'openai-java-core/src/main/kotlin/com/openai/core/Timeout.kt', line: 24 },
    readTimeoutSec: { package: OPENAI_JAVA, file: 'openai-java-core/src/main/kotlin/com/openai/core/Timeout.kt', line: 54 },
  },
  targets: [...targets],
  idleCapOption,
  callQueue,
  path: sdkPath(220, OPENAI_JAVA, 'openai-java-core/src/main/kotlin/com/openai/core/http/RetryingHttpClient.kt'),
  simulatorLimits,
} as const satisfies ClientFacts<OkHttpRules>;

export const ANTHROPIC_JAVA_CLIENT = {
  id: 'anthropic-java',
  label: 'Anthropic Java SDK',
  language: 'java',
  library: 'com.anthropic:anthropic-java',
  versions: '>=2 (AnthropicOkHttpClient)',
  poolLibrary: OKHTTP,
  poolRules: 'okhttp',
  defaults: sdkDefaults,
  http2,
  keepaliveRule: `anthropic-sdk-java raises maxRequestsPerHost to maxRequests, 64 (OkHttpClient.kt:293), for its async calls. ${dispatcherRule}`,
  sources: {
    maxConnections: JAVA_SDK_WIRING.anthropic.perHost,
    maxKeepalive: OKHTTP_RULES.idleDefaults,
    keepaliveSec: OKHTTP_RULES.idleDefaults,
    connectTimeoutSec: { package: ANTHROPIC_JAVA, file: 'anthropic-java-core/src/main/kotlin/com/anthropic/core/Timeout.kt', line: 26 },
    readTimeoutSec: { package: ANTHROPIC_JAVA, file: 'anthropic-java-core/src/main/kotlin/com/anthropic/core/Timeout.kt', line: 56 },
  },
  targets: [...targets],
  idleCapOption,
  callQueue,
  path: sdkPath(222, ANTHROPIC_JAVA, 'anthropic-java-core/src/main/kotlin/com/anthropic/core/http/RetryingHttpClient.kt'),
  simulatorLimits,
} as const satisfies ClientFacts<OkHttpRules>;

export const OKHTTP_CLIENTS = [OKHTTP_CLIENT, OPENAI_JAVA_CLIENT, ANTHROPIC_JAVA_CLIENT] as const;
