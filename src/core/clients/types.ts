/**
 * The shapes every client family fills in (src/core/clients/<family>/): the facts of a client
 * library, each with where it was read, and the family record the registry lists.
 */
import type { SnippetInput } from '../snippets/input.ts';
import type { PoolPolicy } from '../sim/policy.ts';
import type { PoolCore } from '../sim/pool.ts';
import type { LanguageId } from './languages.ts';

export interface SourceRef {
  /** Package (and version) the line was read in. */
  package: string;
  file: string;
  line: number;
}

export interface ClientDefaults {
  /** Cap on open connections; null = no cap. */
  maxConnections: number | null;
  /** Cap on idle connections kept; null = no cap (every idle connection stays until it expires). */
  maxKeepalive: number | null;
  /** Idle connections close after this many seconds. */
  keepaliveSec: number;
  /** A request waiting this long for a connection fails; null = it waits forever. */
  poolTimeoutSec: number | null;
  connectTimeoutSec: number | null;
  /** Longest silence while reading a response; null = none. */
  readTimeoutSec: number | null;
  /** What it speaks to an API that offers HTTP/2 (the AI APIs do), when nobody configured it. */
  protocol: 'h1' | 'h2';
  /** HTTP/2 streams per connection the client allows (the server's limit may be lower). */
  streamsPerConnection: number;
}

/** The backoff between attempts, as the client's source computes it: min(initialSec × 2ⁿ, maxSec) × (1 − jitter × U[0,1)). */
export interface RetryFacts {
  /** Attempts after the first, by default. */
  max: number;
  initialSec: number;
  maxSec: number;
  /** Share of the delay taken off at random (0.25: the delay is 75–100 % of the base). */
  jitter: number;
  /** false: a read timeout is not retried, only a connection failure (OkHttp's retryOnConnectionFailure); absent = both are. */
  readTimeouts?: false;
  source: SourceRef;
}

/** What a client does on a path that closes idle connections (issue #17): TCP keep-alive and retries. */
export interface PathFacts {
  /**
   * Idle seconds before the first TCP keep-alive probe on the library's sockets, as it sets them by
   * default; null = it sets no SO_KEEPALIVE (Linux then sends no probe at all).
   */
  tcpKeepaliveSec: number | null;
  tcpKeepaliveSource: SourceRef;
  /** Retries of connection errors and timeouts; null = the library does not retry them. */
  retries: RetryFacts | null;
  /** Whether the exported snippet can set TCP keep-alive on this client's sockets (an option or socket_options). */
  canSetTcpKeepalive: boolean;
}

export interface SnippetTargetFacts {
  id: string;
  label: string;
  filename: string;
  language: LanguageId;
}

/** Option names and behaviours the snippet generators write into code where versions differ, each with its source. */
export interface SnippetFacts {
  /** Where the HTTP/2 streams-per-connection limit goes in undici's Agent options. */
  streamsOption?: { name: 'maxConcurrentStreams' | 'h2Options.maxConcurrentStreams'; source: SourceRef };
  /** Whether concurrent POSTs share one HTTP/2 connection (undici 7 runs one non-idempotent request at a time per connection). */
  multiplexesPosts?: { value: boolean; source: SourceRef };
  /** The line that implements `keepaliveRule` (which idle connections the pool closes). */
  keepaliveRuleSource?: SourceRef;
  /** Where an HTTP/2 connection starts at one stream until the server announces SETTINGS_MAX_CONCURRENT_STREAMS (httpcore). */
  h2OneStreamUntilSettings?: SourceRef;
}

export interface ClientFacts<Rules extends string = string> {
  id: string;
  label: string;
  language: LanguageId;
  /** The package and version range this entry describes. */
  library: string;
  versions: string;
  /** The library that owns the pool (an SDK points at httpx2 or at Node's fetch). */
  poolLibrary: string;
  /** The pool-rule family the simulator applies (a key of some family's `policies`). */
  poolRules: Rules;
  defaults: ClientDefaults;
  /** One sentence on HTTP/2 in the versions described. */
  http2: string;
  /** One sentence on how the pool keeps idle connections, for the page and the snippets. */
  keepaliveRule: string;
  sources: Partial<Record<keyof ClientDefaults, SourceRef>>;
  /** Snippet targets offered under this client's export tab, in tab order. */
  targets: SnippetTargetFacts[];
  snippet?: SnippetFacts;
  /** The pool is Node's global fetch: rules, protocol and bundled undici follow the scenario's `node` (forNode). */
  globalFetch?: boolean;
  /**
   * The idle cap counts busy connections too (httpcore 1.x), so any cap below max_connections closes
   * connections a busy pool is about to reuse: the formula keeps every connection warm and the
   * verdict says so.
   */
  keepsAllWarm?: boolean;
  /**
   * The option capping idle connections (Go's MaxIdleConnsPerHost): connections freed beyond it close,
   * so a burst above it re-dials on the next one. The comparison names it when it explains lost reuse.
   */
  idleCapOption?: string;
  /**
   * Where calls above the per-host cap (`maxConnections`) wait when that cap counts calls, not
   * connections (OkHttp's Dispatcher): the comparison says the queueing in those terms.
   */
  callQueue?: { option: string; queue: string };
  /** TCP keep-alive and retries: what the client does when the path closes idle connections. */
  path: PathFacts;
  /** Where `npm run calibrate` found the simulator's model of this client falls short, and why (docs/calibration.md). */
  simulatorLimits?: string;
}

export type SnippetGenerator = (input: SnippetInput) => string;

/**
 * One family: the clients whose pool one library owns, the pool rules it implements and a generator
 * per snippet target its clients offer (a target without one does not compile).
 */
export interface ClientFamily<Rules extends string, Clients extends readonly ClientFacts[], Id extends string = string> {
  id: Id;
  clients: Clients;
  policies: { readonly [R in Rules]: (core: PoolCore) => PoolPolicy };
  generators: { readonly [T in Clients[number]['targets'][number]['id']]: SnippetGenerator };
}
