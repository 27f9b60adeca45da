/**
 * Go's net/http Transport as three clients use it: raw `http.DefaultClient`, openai-go (which sends
 * through `http.DefaultClient`) and anthropic-sdk-go (a clone of `http.DefaultTransport` with a
 * 10 min ResponseHeaderTimeout). Facts only, each with where it was read: Debian's Go 1.19.8
 * (/usr/lib/go-1.19/src/net/http), openai-go v3.52.0 (commit 4e5a07a6) and anthropic-sdk-go v1.60.0
 * (commit b43f0d7a), fetched from GitHub; the SDK modules cannot be downloaded here, so they are not run.
 */
import type { ClientDefaults, ClientFacts, SourceRef } from '../types.ts';
import type { GoNetHttpRules } from './policy.ts';

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

const simulatorLimits =
  'Not calibrated with npm run calibrate: its lab drives Node and Python clients only. Two races are not modelled: a request dialing a new connection takes one freed meanwhile (the dial still completes and goes idle, transport.go:936), and over HTTP/2 every request of a cold burst dials its own TLS connection before all but one are closed (h2_bundle.go:6966) — the simulator counts one set-up there.';

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
  simulatorLimits,
} as const satisfies ClientFacts<GoNetHttpRules>;

export const GO_NETHTTP_CLIENTS = [GO_NETHTTP_CLIENT, OPENAI_GO_CLIENT, ANTHROPIC_GO_CLIENT] as const;
