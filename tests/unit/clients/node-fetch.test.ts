/**
 * Node's global fetch on each Node major the table knows, run for real: the npm `node@22`, `node@24`
 * and `node@26` binaries from the fixtures send two bursts of concurrent POSTs over TLS to a loopback
 * server that offers HTTP/2 and HTTP/1.1 by ALPN, as the AI APIs do. The server records each
 * connection's protocol and how many requests it carried at once; the child reports
 * `process.versions.undici` and the pool its global dispatcher built (undici's private fields).
 * Checked against NODE_FETCH (src/core/clients/undici/node.ts): the bundled undici, the protocol, and the pool
 * rules the simulator follows for that Node.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findClient, forNode, NODE_FETCH, NODE_MAJORS, type NodeMajor } from '../../../src/core/clients/index.ts';
import { childEnv, ROOT, runChild, tempDir } from '../snippets/harness.ts';

const BURST = 12;
const DELAY_MS = 200;

const fixtureOf = (major: NodeMajor) => join(ROOT, major === '22' ? 'tests/fixtures/undici8' : `tests/fixtures/node${major}`);
const binaryOf = (major: NodeMajor) => join(fixtureOf(major), 'node_modules/.bin/node');

interface Connection {
  version: string;
  /** Requests per burst tag (`cold`, `warm`). */
  requests: Record<string, number>;
  active: number;
  peak: number;
}

let certDir = '';
let server: Http2SecureServer;
let port = 0;
const connections = new Map<string, Connection[]>();

/** Two bursts through the global fetch, then what the global dispatcher built for the origin. */
const CHILD = `
const [base] = process.argv.slice(2);
const burst = (tag) => Promise.all(Array.from({ length: ${BURST} }, async () => {
  const r = await fetch(base + '/' + tag, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (r.status !== 200) throw new Error('status ' + r.status);
  await r.text();
}));
await burst('cold');
// Straight after a burst the last Client may still count as busy and the next request opens a 13th
// socket (seen on Node 22 and 24); a pause makes the warm burst meet an idle pool.
await new Promise((done) => setTimeout(done, 100));
await burst('warm');
const sym = (o, d) => o?.[Object.getOwnPropertySymbols(o).find((s) => s.description === d)];
// undici 8 keeps its own dispatcher under .2 and a wrapper for older copies under .1 (lib/global.js).
const agent = globalThis[Symbol.for('undici.globalDispatcher.2')] ?? globalThis[Symbol.for('undici.globalDispatcher.1')];
const entry = [...(sym(agent, 'clients')?.values() ?? [])][0];
const pool = entry?.dispatcher ?? entry;
const client = sym(pool, 'clients')?.[0];
console.log(JSON.stringify({
  node: process.version,
  undici: process.versions.undici,
  maxConnections: sym(pool, 'connections') ?? null,
  keepaliveSec: sym(client, 'default keep alive timeout') / 1000,
}));
`;

beforeAll(async () => {
  for (const major of NODE_MAJORS) {
    if (existsSync(binaryOf(major))) continue;
    try {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', fixtureOf(major)], { stdio: 'ignore', timeout: 300_000 });
    } catch {
      // Offline machine: the test of that major says it is skipped and why.
    }
  }
  certDir = tempDir();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  writeFileSync(join(certDir, 'child.mjs'), CHILD);
  server = createSecureServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')), allowHTTP1: true, settings: { maxConcurrentStreams: 100 } });
  const byConnection = new WeakMap<object, Connection>();
  server.on('request', (req: Http2ServerRequest, res) => {
    // Path /<major>/<tag>: each Node's connections are counted apart.
    const [, major = '', tag = ''] = (req.url ?? '').split('/');
    const key: object = req.httpVersion === '2.0' ? req.stream.session! : req.socket;
    let conn = byConnection.get(key);
    if (!conn) {
      conn = { version: req.httpVersion, requests: {}, active: 0, peak: 0 };
      byConnection.set(key, conn);
      connections.set(major, [...(connections.get(major) ?? []), conn]);
    }
    const c = conn;
    c.requests[tag] = (c.requests[tag] ?? 0) + 1;
    c.active++;
    c.peak = Math.max(c.peak, c.active);
    res.on('finish', () => c.active--);
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      }, DELAY_MS),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
}, 600_000);

afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

describe("Node's global fetch on each supported Node", () => {
  it.for(NODE_MAJORS)('should match the table on Node %s: bundled undici, protocol and pool rules', { timeout: 60_000 }, async (major, ctx) => {
    const binary = binaryOf(major);
    if (!existsSync(binary)) ctx.skip(`no Node ${major} binary at ${binary}: run npm ci --prefix ${fixtureOf(major)}`);
    const facts = NODE_FETCH[major];
    const run = await runChild(binary, [join(certDir, 'child.mjs'), `https://localhost:${port}/${major}`], {
      cwd: certDir,
      env: { ...childEnv('UNUSED_KEY'), NODE_EXTRA_CA_CERTS: join(certDir, 'cert.pem') },
      timeoutMs: 30_000,
    });
    expect(run.stderr).toBe('');
    const read = JSON.parse(run.stdout) as { node: string; undici: string; maxConnections: number | null; keepaliveSec: number };
    const table = forNode(findClient('node-fetch')!, major).defaults;
    expect(read).toEqual({ node: `v${facts.node}`, undici: facts.undici, maxConnections: table.maxConnections, keepaliveSec: table.keepaliveSec });

    const conns = connections.get(major) ?? [];
    const cold = conns.filter((c) => c.requests.cold);
    const warm = conns.filter((c) => c.requests.warm);
    const speaks = facts.protocol === 'h2' ? '2.0' : '1.1';
    expect(new Set(conns.map((c) => c.version))).toEqual(new Set([speaks]));
    // undici 8.11+ probes the protocol with one connection; the rules without it open one per request.
    expect(cold.length).toBe(facts.poolRules === 'undici8' ? 1 : BURST);
    // The warm burst finds the cold burst's connections: no new one.
    expect(warm.every((c) => c.requests.cold)).toBe(true);
    // undici 7's rules carry one POST per connection at a time; undici 8's multiplex them over HTTP/2.
    const multiplexes = facts.protocol === 'h2' && facts.poolRules !== 'undici7';
    expect(Math.max(...warm.map((c) => c.peak))).toBe(multiplexes ? BURST : 1);

    // The clients on Node's fetch say the same on this Node.
    for (const id of ['node-fetch', 'openai-ts', 'anthropic-ts']) {
      const client = forNode(findClient(id)!, major);
      expect({ id, protocol: client.defaults.protocol, rules: client.poolRules }).toEqual({ id, protocol: facts.protocol, rules: facts.poolRules });
      expect(client.poolLibrary).toContain(facts.undici);
    }
  });
});
