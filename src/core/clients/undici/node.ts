/**
 * Node's global fetch per Node major: the undici each Node bundles, and the pool rules, protocol and
 * keep-alive that follow from it. The Node SDKs (../nodeSdk) run on the same fetch.
 */
import type { ClientFacts, SourceRef } from '../types.ts';
import type { UndiciRules } from './policy.ts';

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
  poolRules: UndiciRules;
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

export const DEFAULT_FETCH = NODE_FETCH[DEFAULT_NODE_MAJOR];
export const NODE_VERSIONS = NODE_MAJORS.map((m) => `Node ${m} (undici ${NODE_FETCH[m].undici.replace(/\.\d+$/, '')})`).join(', ');
export const bundledPool = (n: NodeFetchFacts) => `the undici ${n.undici} bundled in Node ${n.node}`;

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

/** "Node.js global fetch on Node 26": the client's label, with the Node when it runs on Node's fetch. */
export function clientLabel(client: ClientFacts, node: NodeMajor | undefined): string {
  return client.globalFetch ? `${client.label} on Node ${node ?? DEFAULT_NODE_MAJOR}` : client.label;
}
