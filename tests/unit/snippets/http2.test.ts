/**
 * HTTP/2 over TLS with the real libraries. A local HTTP/2 server with a self-signed certificate made
 * here (NODE_EXTRA_CA_CERTS and SSL_CERT_FILE let the snippets trust it unchanged) records the
 * connections (sessions) and the most streams each carried at once, while 12 POSTs run concurrently.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createSecureServer, type Http2SecureServer, type ServerHttp2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSnippetInput, findSnippetTarget, parseScenario } from '../../../src/core/index.ts';
import { childEnv, ensureUndici8, FIXTURE_UNDICI8, NODE22, PYTHON, runChild, tempDir } from './harness.ts';

const CONCURRENT = 12;
const DELAY_MS = 200;

let certDir = '';
let server: Http2SecureServer;
let port = 0;
let sessions: { peak: number; streams: number }[] = [];

beforeAll(async () => {
  ensureUndici8();
  certDir = tempDir();
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  server = createSecureServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')), allowHTTP1: false });
  const open = new Map<ServerHttp2Session, { peak: number; streams: number; active: number }>();
  server.on('session', (session) => {
    const record = { peak: 0, streams: 0, active: 0 };
    open.set(session, record);
    sessions.push(record);
  });
  server.on('stream', (stream) => {
    const record = open.get(stream.session as ServerHttp2Session)!;
    record.streams++;
    record.active++;
    record.peak = Math.max(record.peak, record.active);
    stream.on('close', () => record.active--);
    stream.resume();
    stream.on('end', () =>
      setTimeout(() => {
        if (stream.closed) return;
        stream.respond({ ':status': 200, 'content-type': 'application/json' });
        stream.end('{"ok":true,"key":"test-key-not-secret"}');
      }, DELAY_MS),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
}, 300_000);

afterAll(() => new Promise<void>((done) => server.close(() => done())));

function h2Input() {
  const result = parseScenario({
    version: 1,
    workload: { arrival: { kind: 'users', users: 20, thinkSec: 30 } }, // → max 7 connections
    pool: { protocol: 'h2', streamsPerConnection: 100 },
    endpoint: { baseUrl: `https://localhost:${port}`, apiKeyEnv: 'ANTHROPIC_API_KEY' },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return buildSnippetInput(result.scenario);
}

const nodeDriver = `import { postJson, closePools } from './pool.mjs';
const started = performance.now();
const responses = await Promise.all(Array.from({ length: ${CONCURRENT} }, () => postJson('/v1/messages', { burst: 1 })));
for (const r of responses) if (r.status !== 200) throw new Error('status ' + r.status);
await Promise.all(responses.map((r) => r.text()));
console.log(JSON.stringify({ ms: Math.round(performance.now() - started) }));
await closePools();
`;

function tlsEnv() {
  return { ...childEnv('ANTHROPIC_API_KEY'), NODE_EXTRA_CA_CERTS: join(certDir, 'cert.pem'), SSL_CERT_FILE: join(certDir, 'cert.pem') };
}

describe('snippets over HTTP/2 with TLS', () => {
  it('should multiplex concurrent POSTs on one connection with the undici 8 snippet', async () => {
    sessions = [];
    const dir = tempDir(join(FIXTURE_UNDICI8, 'runs'));
    writeFileSync(join(dir, 'pool.mjs'), findSnippetTarget('undici')!.generate(h2Input()));
    writeFileSync(join(dir, 'driver.mjs'), nodeDriver);
    const run = await runChild(NODE22, ['driver.mjs'], { cwd: dir, env: tlsEnv() });
    expect(run.stderr).toBe('');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.peak).toBe(CONCURRENT);
  }, 60_000);

  it('should run one POST at a time per connection with the undici 7 snippet, as its comments say', async () => {
    sessions = [];
    const dir = tempDir();
    const input = h2Input();
    writeFileSync(join(dir, 'pool.mjs'), findSnippetTarget('undici7')!.generate(input));
    writeFileSync(join(dir, 'driver.mjs'), nodeDriver);
    const run = await runChild(process.execPath, ['driver.mjs'], { cwd: dir, env: tlsEnv() });
    expect(run.stderr).toBe('');
    const { ms } = JSON.parse(run.stdout) as { ms: number };
    expect(sessions.length).toBeLessThanOrEqual(input.pools[0]!.maxConnections);
    expect(Math.max(...sessions.map((s) => s.peak))).toBe(1);
    // 12 POSTs one at a time on at most 7 connections take at least two rounds of the server's delay.
    expect(ms).toBeGreaterThanOrEqual(2 * DELAY_MS);
  }, 60_000);

  it('should multiplex concurrent POSTs on few connections with the httpx snippet (http2=True)', async () => {
    sessions = [];
    const dir = tempDir();
    writeFileSync(join(dir, 'pool.py'), findSnippetTarget('httpx')!.generate(h2Input()));
    writeFileSync(
      join(dir, 'driver.py'),
      `import asyncio, importlib.util, sys
spec = importlib.util.spec_from_file_location("pool", sys.argv[1])
pool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pool)
async def main():
    responses = await asyncio.gather(*[pool.post_json("/v1/messages", {"burst": 1}) for _ in range(${CONCURRENT})])
    assert all(r.status_code == 200 and r.http_version == "HTTP/2" for r in responses)
    await pool.close_pools()
asyncio.run(main())
`,
    );
    const run = await runChild(PYTHON, ['driver.py', join(dir, 'pool.py')], { cwd: dir, env: tlsEnv() });
    expect(run.stderr).toBe('');
    expect(sessions.length).toBeLessThanOrEqual(2);
    expect(Math.max(...sessions.map((s) => s.peak))).toBeGreaterThan(1);
  }, 60_000);
});
