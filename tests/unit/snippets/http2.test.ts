/**
 * HTTP/2 over TLS with the real libraries. A local server with a self-signed certificate made here
 * offers HTTP/2 and HTTP/1.1 by ALPN, as the AI APIs do (NODE_EXTRA_CA_CERTS and SSL_CERT_FILE let
 * the snippets trust it unchanged). Like the APIs, it announces its stream limit: httpcore runs one
 * stream per HTTP/2 connection until a server does (the snippets' comments say so). It records each request's protocol and connection (HTTP/2
 * session or HTTP/1.1 socket) and the most requests each connection carried at once.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createSecureServer, type Http2SecureServer, type Http2ServerRequest } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSnippetInput, findSnippetTarget, parseScenario, type ScenarioInput } from '../../../src/core/index.ts';
import { pythonSdkDriver } from './drivers.ts';
import { childEnv, ensurePython, ensureUndici8, FIXTURE_UNDICI8, NODE22, providerReply, runChild, tempDir } from './harness.ts';

const CONCURRENT = 12;
const DELAY_MS = 200;

interface Connection {
  version: string;
  requests: number;
  active: number;
  peak: number;
}

let certDir = '';
let server: Http2SecureServer;
let port = 0;
let python = '';
let connections: Connection[] = [];

beforeAll(async () => {
  ensureUndici8();
  python = ensurePython();
  certDir = tempDir();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  server = createSecureServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')), allowHTTP1: true, settings: { maxConcurrentStreams: 100 } });
  const byConnection = new WeakMap<object, Connection>();
  server.on('request', (req: Http2ServerRequest, res) => {
    // An HTTP/2 request's connection is its session; an HTTP/1.1 request's is its socket.
    const key: object = req.httpVersion === '2.0' ? req.stream.session! : req.socket;
    let conn = byConnection.get(key);
    if (!conn) {
      conn = { version: req.httpVersion, requests: 0, active: 0, peak: 0 };
      byConnection.set(key, conn);
      connections.push(conn);
    }
    const c = conn;
    c.requests++;
    c.active++;
    c.peak = Math.max(c.peak, c.active);
    res.on('finish', () => c.active--);
    req.resume();
    req.on('end', () =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(providerReply(req.url)));
      }, DELAY_MS),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
}, 600_000);

afterAll(() => new Promise<void>((done) => server.close(() => done())));
beforeEach(() => {
  connections = [];
});

function inputFor(pool: ScenarioInput['pool'], provider: 'anthropic' | 'openai' = 'anthropic') {
  const result = parseScenario({
    version: 1,
    workload: { arrival: { kind: 'users', users: 20, thinkSec: 30 } }, // the formula's HTTP/1.1 size: 7
    pool,
    endpoint: { provider, baseUrl: `https://localhost:${port}`, apiKeyEnv: 'ANTHROPIC_API_KEY' },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildSnippetInput(result.scenario);
}

const h1 = { protocol: 'h1', maxConnections: 7, maxKeepalive: 7 } as const;
const h2 = { protocol: 'h2', maxConnections: 1, maxKeepalive: 1, streamsPerConnection: 100 } as const;

const nodeDriver = `import { postJson, closePools } from './pool.mjs';
const started = performance.now();
const responses = await Promise.all(Array.from({ length: ${CONCURRENT} }, () => postJson('/v1/messages', { burst: 1 })));
for (const r of responses) if (r.status !== 200) throw new Error('status ' + r.status);
await Promise.all(responses.map((r) => r.text()));
console.log(JSON.stringify({ ms: Math.round(performance.now() - started) }));
await closePools();
`;

const pythonDriver = `import asyncio, importlib.util, sys
spec = importlib.util.spec_from_file_location("pool", sys.argv[1])
pool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pool)
async def main():
    responses = await asyncio.gather(*[pool.post_json("/v1/messages", {"burst": 1}) for _ in range(${CONCURRENT})])
    assert all(r.status_code == 200 for r in responses)
    print(sorted({r.http_version for r in responses}))
    await pool.close_pools()
asyncio.run(main())
`;

function tlsEnv() {
  return { ...childEnv('ANTHROPIC_API_KEY'), NODE_EXTRA_CA_CERTS: join(certDir, 'cert.pem'), SSL_CERT_FILE: join(certDir, 'cert.pem') };
}

async function runNode(target: string, pool: ScenarioInput['pool'], node22: boolean) {
  const dir = node22 ? tempDir(join(FIXTURE_UNDICI8, 'runs')) : tempDir();
  const input = inputFor(pool);
  writeFileSync(join(dir, 'pool.mjs'), findSnippetTarget(target)!.generate(input));
  writeFileSync(join(dir, 'driver.mjs'), nodeDriver);
  const run = await runChild(node22 ? NODE22 : process.execPath, ['driver.mjs'], { cwd: dir, env: tlsEnv() });
  expect(run.stderr).toBe('');
  return { ms: (JSON.parse(run.stdout) as { ms: number }).ms, input };
}

async function runPython(target: string, pool: ScenarioInput['pool']) {
  const dir = tempDir();
  writeFileSync(join(dir, 'pool.py'), findSnippetTarget(target)!.generate(inputFor(pool)));
  writeFileSync(join(dir, 'driver.py'), pythonDriver);
  const run = await runChild(python, ['driver.py', join(dir, 'pool.py')], { cwd: dir, env: tlsEnv() });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
}

describe('snippets against a server offering HTTP/2 and HTTP/1.1 (TLS, ALPN)', () => {
  it('should speak HTTP/1.1 with the undici 8 snippet of an HTTP/1.1 scenario (allowH2: false)', async () => {
    await runNode('undici', h1, true);
    expect(connections.length).toBeGreaterThan(1);
    expect(connections.length).toBeLessThanOrEqual(7);
    expect(new Set(connections.map((c) => c.version))).toEqual(new Set(['1.1']));
    expect(Math.max(...connections.map((c) => c.peak))).toBe(1);
  }, 60_000);

  it('should multiplex concurrent POSTs on one connection with the undici 8 snippet of an HTTP/2 scenario', async () => {
    await runNode('undici', h2, true);
    expect(connections).toEqual([{ version: '2.0', requests: CONCURRENT, active: 0, peak: CONCURRENT }]);
  }, 60_000);

  it('should run one POST at a time per connection with the undici 7 snippet, on the HTTP/1.1 size, as its comments say', async () => {
    const { ms, input } = await runNode('undici7', h2, false);
    expect(input.pools[0]!.h1MaxConnections).toBe(7);
    expect(findSnippetTarget('undici7')!.generate(input)).toContain('connections: 7,');
    expect(new Set(connections.map((c) => c.version))).toEqual(new Set(['2.0']));
    expect(Math.max(...connections.map((c) => c.peak))).toBe(1);
    // On the scenario's 1 connection the 12 POSTs would run one after another; on 7, in two rounds at least.
    expect(connections.length).toBe(7);
    expect(connections.reduce((sum, c) => sum + c.requests, 0)).toBe(CONCURRENT);
    expect(ms).toBeGreaterThanOrEqual(2 * DELAY_MS);
  }, 60_000);

  it.each(['httpx2', 'httpx'])('should multiplex concurrent POSTs with the %s snippet of an HTTP/2 scenario (http2=True)', async (target) => {
    expect(await runPython(target, h2)).toBe("['HTTP/2']");
    expect(connections.length).toBe(1);
    expect(connections[0]!.peak).toBeGreaterThan(1);
  }, 60_000);

  it.each([
    ['anthropic-py', 'anthropic', 'messages.create', 'model="claude-sonnet-4-6", max_tokens=16, messages=[{"role": "user", "content": "hi"}]', 'reply.content[0].text'],
    ['openai-py', 'openai', 'chat.completions.create', 'model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]', 'reply.choices[0].message.content'],
  ] as const)('should multiplex real SDK calls with the %s snippet of an HTTP/2 scenario', async (target, provider, call, args, text) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'pool.py'), findSnippetTarget(target)!.generate(inputFor(h2, provider)));
    writeFileSync(join(dir, 'driver.py'), pythonSdkDriver('shared_client', call, args, text));
    const run = await runChild(python, ['driver.py', JSON.stringify({ n: CONCURRENT })], { cwd: dir, env: tlsEnv() });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('done');
    expect(connections).toHaveLength(1);
    expect(connections[0]!.version).toBe('2.0');
    expect(connections[0]!.requests).toBe(2 * CONCURRENT);
    expect(connections[0]!.peak).toBeGreaterThan(1);
  }, 60_000);

  it('should speak HTTP/1.1 with the httpx2 snippet of an HTTP/1.1 scenario', async () => {
    expect(await runPython('httpx2', h1)).toBe("['HTTP/1.1']");
    expect(connections.length).toBeLessThanOrEqual(7);
    expect(Math.max(...connections.map((c) => c.peak))).toBe(1);
  }, 60_000);
});
