/**
 * The snippets run as pasted against the real libraries: undici 7 on this Node 20, undici 8 on
 * Node 22 (fixture), httpx async and sync on Debian's python3. Each fires more concurrent POSTs than
 * maxConnections at a local server, twice; the server must never have more than maxConnections
 * requests (so sockets) busy at once, and the second burst must reuse the sockets the pool kept. (httpx closes
 * connections beyond max_keepalive_connections as requests finish and opens new ones for queued
 * requests, so over a burst it may use more distinct sockets than max_connections, never at once.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSnippetInput, findSnippetTarget, parseScenario, type Scenario } from '../../../src/core/index.ts';
import { childEnv, ensureUndici8, FIXTURE_UNDICI8, NODE22, PYTHON, runChild, socketsIn, startCountingServer, tempDir, type CountingServer } from './harness.ts';

const CONCURRENT = 12;

function scenarioFor(baseUrl: string, keepaliveShare = 0.5): Scenario {
  // 20 users × 8 s ÷ 30 s = 5.3 → 6 → max 7 connections, fewer than the 12 concurrent requests.
  const result = parseScenario({
    version: 1,
    workload: { arrival: { kind: 'users', users: 20, thinkSec: 30 } },
    endpoint: { baseUrl, apiKeyEnv: 'ANTHROPIC_API_KEY' },
    sizing: { keepaliveShare },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const nodeDriver = `import { postJson, closePools } from './pool.mjs';
const n = Number(process.argv[2]);
for (const burst of [1, 2]) {
  const responses = await Promise.all(Array.from({ length: n }, () => postJson('/v1/messages', { burst })));
  for (const r of responses) {
    const body = await r.json();
    if (r.status !== 200 || body.key !== 'test-key-not-secret') throw new Error('bad response ' + r.status);
  }
}
await closePools();
console.log('done');
`;

const pythonAsyncDriver = `import asyncio, importlib.util, sys
spec = importlib.util.spec_from_file_location("pool", sys.argv[1])
pool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pool)
n = int(sys.argv[2])
async def main():
    for burst in (1, 2):
        responses = await asyncio.gather(*[pool.post_json("/v1/messages", {"burst": burst}) for _ in range(n)])
        assert all(r.status_code == 200 and r.json()["key"] == "test-key-not-secret" for r in responses)
    await pool.close_pools()
asyncio.run(main())
print("done")
`;

const pythonSyncDriver = `import importlib.util, sys
from concurrent.futures import ThreadPoolExecutor
spec = importlib.util.spec_from_file_location("pool", sys.argv[1])
pool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pool)
n = int(sys.argv[2])
with ThreadPoolExecutor(max_workers=n) as ex:
    for burst in (1, 2):
        responses = list(ex.map(lambda _: pool.post_json("/v1/messages", {"burst": burst}), range(n)))
        assert all(r.status_code == 200 for r in responses)
pool.close_pools()
print("done")
`;

let server: CountingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function expectPooled(s: CountingServer, maxConnections: number, maxKeepalive: number, churns: boolean) {
  const first = socketsIn(s.requests, 1);
  const second = socketsIn(s.requests, 2);
  expect(s.requests).toHaveLength(2 * CONCURRENT);
  expect(first.size).toBeGreaterThan(1);
  expect(s.peakInFlight()).toBe(maxConnections); // the pool ran full and never beyond its cap
  if (!churns) {
    expect(first.size).toBe(maxConnections);
    expect(second).toEqual(first);
  }
  const reused = [...second].filter((id) => first.has(id)).length;
  expect(reused).toBeGreaterThanOrEqual(Math.min(maxKeepalive, first.size));
}

describe('snippets against the real libraries over HTTP/1.1', () => {
  beforeAll(() => ensureUndici8(), 300_000);

  it('should cap and reuse sockets with the undici 7 snippet on Node 20', async () => {
    server = await startCountingServer();
    const scenario = scenarioFor(server.url);
    const input = buildSnippetInput(scenario);
    // Inside the project so that `undici` resolves to the project's undici 7.
    const dir = tempDir();
    writeFileSync(join(dir, 'pool.mjs'), findSnippetTarget('undici7')!.generate(input));
    writeFileSync(join(dir, 'driver.mjs'), nodeDriver);
    const run = await runChild(process.execPath, ['driver.mjs', String(CONCURRENT)], { cwd: dir, env: childEnv('ANTHROPIC_API_KEY') });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('done');
    expect(input.pools[0]!.maxConnections).toBe(7);
    expectPooled(server, 7, 7, false); // undici keeps every idle socket until keepAliveTimeout
  }, 60_000);

  it('should cap and reuse sockets with the undici 8 snippet on Node 22', async () => {
    server = await startCountingServer();
    const input = buildSnippetInput(scenarioFor(server.url));
    const dir = tempDir(join(FIXTURE_UNDICI8, 'runs'));
    writeFileSync(join(dir, 'pool.mjs'), findSnippetTarget('undici')!.generate(input));
    writeFileSync(join(dir, 'driver.mjs'), nodeDriver);
    const version = await runChild(NODE22, ['-e', 'console.log(process.versions.node.split(".")[0], require("undici/package.json").version.split(".")[0])'], { cwd: dir, env: childEnv('X') });
    expect(version.stdout.trim()).toBe('22 8');
    const run = await runChild(NODE22, ['driver.mjs', String(CONCURRENT)], { cwd: dir, env: childEnv('ANTHROPIC_API_KEY') });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('done');
    expectPooled(server, 7, 7, false);
  }, 60_000);

  it.each([
    ['httpx', pythonAsyncDriver],
    ['httpx-sync', pythonSyncDriver],
  ])('should cap and reuse connections with the %s snippet', async (targetId, driver) => {
    server = await startCountingServer();
    const input = buildSnippetInput(scenarioFor(server.url));
    const dir = tempDir();
    writeFileSync(join(dir, 'pool.py'), findSnippetTarget(targetId)!.generate(input));
    writeFileSync(join(dir, 'driver.py'), driver);
    const run = await runChild(PYTHON, ['driver.py', join(dir, 'pool.py'), String(CONCURRENT)], { cwd: dir, env: childEnv('ANTHROPIC_API_KEY') });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('done');
    expectPooled(server, input.pools[0]!.maxConnections, input.pools[0]!.maxKeepalive, true);
  }, 60_000);
});

