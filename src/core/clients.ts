/**
 * The one table of HTTP clients pool-sizer knows. Everything that lists clients reads it: the
 * scenario's `client` field, the export tabs and their link ids, the CLI's target list, the "today"
 * column (the client's defaults) and the simulator's choice of pool rules. Adding a client is one
 * entry here plus one snippet generator per target (src/core/snippets/).
 *
 * Facts only, each with where it was read: repository, file and line in the version named.
 * tests/unit/clients/ reads the installed libraries at test time and fails if an entry drifts.
 */

/**
 * Families of pool rules the simulator implements (src/core/sim/policies/). `undici8-noprobe` is
 * undici 8 before 8.11.0, which added the Pool's HTTPS protocol probe (one Client connects while
 * the others wait): Node 26.10's fetch bundles 8.10.2, whose pool.js:99-118 creates a Client per
 * request while every existing one is busy.
 */
export type PoolRules = 'generic' | 'httpcore1' | 'httpcore2' | 'undici7' | 'undici8' | 'undici8-noprobe';

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

export interface SnippetTargetFacts {
  id: string;
  label: string;
  filename: string;
  language: 'javascript' | 'typescript' | 'python';
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

export interface ClientFacts {
  id: string;
  label: string;
  language: 'javascript' | 'typescript' | 'python';
  /** The package and version range this entry describes. */
  library: string;
  versions: string;
  /** The library that owns the pool (an SDK points at httpx2 or at Node's fetch). */
  poolLibrary: string;
  poolRules: PoolRules;
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
  /** Where `npm run calibrate` found the simulator's model of this client falls short, and why (docs/calibration.md). */
  simulatorLimits?: string;
}

const HTTPX = 'httpx 0.28.1';
const HTTPX2 = 'httpx2 2.13.1';
const UNDICI7 = 'undici 7.30.2';
const UNDICI8 = 'undici 8.13.1';

/**
 * undici's Agent/Pool defaults. `connections` null = no cap (lib/dispatcher/pool.js); the Client
 * sets keep-alive 4 s, a 600 s cap on server hints and a 2 s safety threshold (lib/dispatcher/client.js).
 */
const undiciDefaults = (protocol: 'h1' | 'h2'): ClientDefaults => ({
  maxConnections: null,
  maxKeepalive: null,
  keepaliveSec: 4,
  poolTimeoutSec: null,
  connectTimeoutSec: 10,
  readTimeoutSec: 300,
  protocol,
  streamsPerConnection: 100,
});

/** The Node majors the page offers: Node 20 reached end of life in April 2026. */
export const NODE_MAJORS = ['22', '24', '26'] as const;
export type NodeMajor = (typeof NODE_MAJORS)[number];

/**
 * A scenario without `node` runs on Node 24: the Active LTS line of the binaries read here
 * (`process.release.lts` is "Krypton" for v24.21.0 and null for v26.10.0, December 2026), and the
 * rules the table gave Node's fetch before it knew majors, so older scenarios and links simulate as
 * they did.
 */
export const DEFAULT_NODE_MAJOR: NodeMajor = '24';

/** What one Node major's global fetch is: the undici it bundles and the pool rules that follow from it. */
export interface NodeFetchFacts {
  major: NodeMajor;
  /** The binary read: the npm package `node@<version>` (tests/fixtures/node24, node26; node 22 in undici8). */
  node: string;
  /** Its `process.versions.undici`. */
  undici: string;
  poolRules: PoolRules;
  /** What its fetch speaks to a TLS server offering h2 and http/1.1 (tests/unit/clients/node-fetch.test.ts runs it). */
  protocol: 'h1' | 'h2';
  /** One sentence on HTTP/2, for the page. */
  http2: string;
  /** The lines of the bundled undici that decide the rules, the protocol and the keep-alive default. */
  sources: { rules: SourceRef; protocol: SourceRef; keepaliveSec: SourceRef; http2?: SourceRef };
}

const bundled = (version: string, file: string, line: number): SourceRef => ({ package: `undici ${version}`, file, line });

export const NODE_FETCH: Readonly<Record<NodeMajor, NodeFetchFacts>> = {
  // undici 6's Pool hands a request to the first Client not needing drain and adds one only when all
  // are busy (pool.js:92-104), with the 4 s keep-alive and no idle cap of 7.x; over HTTP/2 (only with
  // allowH2) pipelining defaults to 1 (client.js:228), one request per connection: undici 7's rules.
  '22': {
    major: '22',
    node: '22.23.3',
    undici: '6.28.1',
    poolRules: 'undici7',
    protocol: 'h1',
    http2: 'Node 22’s fetch (undici 6.28) speaks HTTP/1.1 only: allowH2 is off unless an Agent sets it.',
    sources: {
      rules: bundled('6.28.1', 'lib/dispatcher/pool.js', 92),
      protocol: bundled('6.28.1', 'lib/core/connect.js', 87),
      keepaliveSec: bundled('6.28.1', 'lib/dispatcher/client.js', 230),
      http2: bundled('6.28.1', 'lib/dispatcher/client.js', 228),
    },
  },
  '24': {
    major: '24',
    node: '24.21.0',
    undici: '7.29.1',
    poolRules: 'undici7',
    protocol: 'h1',
    http2: 'Node 24’s fetch (undici 7.29) speaks HTTP/1.1 unless an Agent sets allowH2, and then runs one POST at a time per connection.',
    sources: {
      rules: bundled('7.29.1', 'lib/dispatcher/pool.js', 99),
      protocol: bundled('7.29.1', 'lib/core/connect.js', 70),
      keepaliveSec: bundled('7.29.1', 'lib/dispatcher/client.js', 252),
      http2: bundled('7.29.1', 'lib/dispatcher/client-h2.js', 197),
    },
  },
  // Measured (node-fetch.test.ts): 12 concurrent cold POSTs opened 12 HTTP/2 connections, the next
  // burst of 12 shared one. undici 8.13's probe would have opened one connection for the cold burst.
  '26': {
    major: '26',
    node: '26.10.0',
    undici: '8.10.2',
    poolRules: 'undici8-noprobe',
    protocol: 'h2',
    http2:
      'Node 26’s fetch (undici 8.10) negotiates HTTP/2 by ALPN wherever the server offers it and multiplexes POSTs; a cold burst opens one connection per request (no protocol probe before undici 8.11).',
    sources: {
      rules: bundled('8.10.2', 'lib/dispatcher/pool.js', 99),
      protocol: bundled('8.10.2', 'lib/core/connect.js', 70),
      keepaliveSec: bundled('8.10.2', 'lib/dispatcher/client.js', 307),
      http2: bundled('8.10.2', 'lib/dispatcher/client-h2.js', 366),
    },
  },
};

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

const undiciKeepalive =
  'undici keeps every idle socket (no idle cap) until keepAliveTimeout, or the server’s Keep-Alive hint minus 2 s, and gives the next request the first free socket in creation order.';
const httpcore1Keepalive =
  'httpcore 1.x closes idle connections while all open connections (busy ones included) exceed max_keepalive_connections, before a waiting request gets a freed one — so set it equal to max_connections.';
const httpcore2Keepalive = 'httpcore2 keeps up to max_keepalive_connections idle connections and closes the surplus idle ones only.';

const DEFAULT_FETCH = NODE_FETCH[DEFAULT_NODE_MAJOR];
const NODE_VERSIONS = NODE_MAJORS.map((m) => `Node ${m} (undici ${NODE_FETCH[m].undici.replace(/\.\d+$/, '')})`).join(', ');
const bundledPool = (n: NodeFetchFacts) => `the undici ${n.undici} bundled in Node ${n.node}`;

export const CLIENTS = [
  {
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
  },
  {
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
    simulatorLimits:
      'Over HTTP/2 with 12 closed users and `connections: 4`, undici 7.30 opened 10 connections in a 300-POST calibration run and queued far less than its one-POST-per-connection rule predicts (mean latency 144 ms measured, 226 ms simulated); the cause is not established. The simulator is pessimistic for undici 7 over HTTP/2; with Poisson arrivals under the cap it agreed.',
  },
  {
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
  },
  {
    id: 'httpx',
    label: 'httpx 0.28',
    language: 'python',
    library: 'httpx',
    versions: '>=0.28 <1 (httpcore 1.x)',
    poolLibrary: `${HTTPX} (httpcore 1.0.9)`,
    poolRules: 'httpcore1',
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
    simulatorLimits:
      'httpx 0.28 holds each connection some 10–20 ms per request longer than the server’s time plus one round trip (its own processing in Python, measured on the shared 2-core calibration machine); a saturated pool turns that into noticeably longer waits (+28 % with a pool of 3 for 10 busy users). The longer hold also overlaps more connections, and its all-connections keep-alive rule then closes more: with max_keepalive_connections 3 of 5, repeated runs measured reuse 0.35–0.44 against 0.49 simulated (httpx2 on the same runs: 0.88 against 0.89). The rule and its direction agree; the simulator overstates httpx 0.28 reuse by up to about 0.1 there. Enter response times as the client measures them.',
  },
  {
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
    simulatorLimits:
      'httpx2 holds each connection some 5–15 ms per request longer than the server’s time plus one round trip (its own processing in Python, on the shared 2-core calibration machine); near saturation (a pool of 3 at 80 % load) that small extra hold time raised the wait far beyond 20 % (596 ms measured, 345 ms simulated from the server’s time; wait grows as 1 ÷ (1 − load)). Given the hold times the client measured, the simulator agrees (calibration replays them). Enter response times as the client measures them.',
  },
  {
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
  },
  {
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
  },
  {
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
  },
  {
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
  },
] as const satisfies readonly ClientFacts[];

export type ClientId = (typeof CLIENTS)[number]['id'];
export type SnippetTargetId = (typeof CLIENTS)[number]['targets'][number]['id'];

export const CLIENT_IDS = CLIENTS.map((c) => c.id) as [ClientId, ...ClientId[]];

export function findClient(id: string | undefined): ClientFacts | undefined {
  return id === undefined ? undefined : (CLIENTS as readonly ClientFacts[]).find((c) => c.id === id);
}

/** Every snippet target once, in table order (a target offered by two clients appears under the first). */
export const SNIPPET_TARGET_FACTS: readonly SnippetTargetFacts[] = (() => {
  const seen = new Map<string, SnippetTargetFacts>();
  for (const client of CLIENTS as readonly ClientFacts[]) for (const t of client.targets) if (!seen.has(t.id)) seen.set(t.id, t);
  return [...seen.values()];
})();

/** The client a scenario without `client` is exported for by default. */
export const DEFAULT_CLIENT_ID: ClientId = 'undici';

const perNode = new Map<string, ClientFacts>();

/**
 * The client as it runs on one Node major: a client on Node's global fetch takes that Node's pool
 * rules, protocol and bundled undici (the table's own entry is the default Node's); others are
 * returned as they are. The same object for the same pair, so memoised views stay stable.
 */
export function forNode(client: ClientFacts, node: NodeMajor | undefined): ClientFacts {
  if (!client.globalFetch) return client;
  const n = NODE_FETCH[node ?? DEFAULT_NODE_MAJOR];
  const key = `${client.id}@${n.major}`;
  let facts = perNode.get(key);
  if (!facts) {
    facts = {
      ...client,
      poolLibrary: bundledPool(n),
      poolRules: n.poolRules,
      defaults: { ...client.defaults, protocol: n.protocol },
      http2: n.http2,
      sources: { ...client.sources, protocol: n.sources.protocol, keepaliveSec: n.sources.keepaliveSec },
    };
    perNode.set(key, facts);
  }
  return facts;
}

/** The scenario's client on the scenario's Node, or undefined for generic rules. */
export function scenarioClient(s: { client?: string | undefined; node?: NodeMajor | undefined }): ClientFacts | undefined {
  const client = findClient(s.client);
  return client && forNode(client, s.node);
}

/** "Node.js global fetch on Node 26": the client's label, with the Node when it runs on Node's fetch. */
export function clientLabel(client: ClientFacts, node: NodeMajor | undefined): string {
  return client.globalFetch ? `${client.label} on Node ${node ?? DEFAULT_NODE_MAJOR}` : client.label;
}
