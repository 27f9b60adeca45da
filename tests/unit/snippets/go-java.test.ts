/**
 * The Go and Java snippets compile as pasted and run against a local server over HTTP/1.1: Go on
 * Debian's Go 1.19 (go vet and go build, standard library only), Java on the JDK with Debian's
 * OkHttp 3.13.1 and okio jars. Two bursts of 12 on a pool of 5: at most 5 sockets, the second burst
 * on the first burst's sockets (per tenant when split). Skipped where the toolchains are missing
 * (.ci/run installs them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GO_MODULE, goDriver } from '../../../src/core/clients/goNetHttp/testing/index.ts';
import { javaDriver, OKHTTP_CLASSPATH } from '../../../src/core/clients/okhttp/testing/index.ts';
import { buildSnippetInput, findSnippetTarget, parseScenario, type Scenario, type ScenarioInput } from '../../../src/core/index.ts';
import { childEnv, runChild, socketsIn, startCountingServer, tempDir, type CountingServer } from './harness.ts';

const CONCURRENT = 12;
const MAX = 5;
const GO = '/usr/lib/go-1.19/bin/go';
const haveGo = existsSync(GO);
const haveJava = OKHTTP_CLASSPATH.every(existsSync) && existsSync('/usr/bin/javac');

function scenarioFor(baseUrl: string, provider: 'anthropic' | 'openai', pool: ScenarioInput['pool'] = {}, network?: ScenarioInput['network']): Scenario {
  const result = parseScenario({
    version: network ? 2 : 1,
    ...(network ? { network } : {}),
    workload: { arrival: { kind: 'users', users: 20, thinkSec: 30 } },
    endpoint: { provider, baseUrl, apiKeyEnv: provider === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY' },
    pool: { maxConnections: MAX, maxKeepalive: MAX, keepaliveSec: 60, ...pool },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

function goEnv(scenario: Scenario, dir: string): NodeJS.ProcessEnv {
  return { ...childEnv(scenario.endpoint.apiKeyEnv), GOCACHE: join(dir, '.gocache'), GOPATH: join(dir, '.gopath'), GOPROXY: 'off', GOFLAGS: '-mod=mod', GO111MODULE: 'on' };
}

/** Saves aipool.go in its package beside the driver, vets and builds it, runs it; returns its output. */
async function runGo(scenario: Scenario, config: object) {
  const dir = tempDir();
  mkdirSync(join(dir, 'aipool'));
  writeFileSync(join(dir, 'aipool', 'aipool.go'), findSnippetTarget('go-nethttp')!.generate(buildSnippetInput(scenario)));
  writeFileSync(join(dir, 'go.mod'), GO_MODULE);
  writeFileSync(join(dir, 'main.go'), goDriver(scenario.pool.tenants > 1));
  const env = goEnv(scenario, dir);
  execFileSync(GO, ['vet', './...'], { cwd: dir, env, stdio: 'pipe' });
  execFileSync(GO, ['build', '-o', 'driver', '.'], { cwd: dir, env, stdio: 'pipe' });
  return runChild(join(dir, 'driver'), [JSON.stringify(config)], { cwd: dir, env, timeoutMs: 90_000 });
}

/** Saves AiPool.java beside the driver, compiles both against OkHttp's jar, runs the driver. */
async function runJava(scenario: Scenario, config: object) {
  const dir = tempDir();
  writeFileSync(join(dir, 'AiPool.java'), findSnippetTarget('okhttp')!.generate(buildSnippetInput(scenario)));
  writeFileSync(join(dir, 'Driver.java'), javaDriver(scenario.pool.tenants > 1));
  const cp = OKHTTP_CLASSPATH.join(':');
  execFileSync('javac', ['-Werror', '-Xlint:-deprecation', '-cp', cp, '-d', 'out', 'AiPool.java', 'Driver.java'], { cwd: dir, stdio: 'pipe' });
  return runChild('java', ['-cp', `out:${cp}`, 'Driver', JSON.stringify(config)], { cwd: dir, env: childEnv(scenario.endpoint.apiKeyEnv), timeoutMs: 90_000 });
}

let server: CountingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function expectCappedAndReused(s: CountingServer, tenant?: string, max = MAX) {
  const first = socketsIn(s.requests, 1, tenant);
  expect(s.peakInFlight(tenant)).toBe(max);
  expect(first.size).toBe(max);
  expect(socketsIn(s.requests, 2, tenant)).toEqual(first);
}

function expectKey(s: CountingServer, provider: 'anthropic' | 'openai') {
  for (const r of s.requests) {
    expect(r.key).toBe('test-key-not-secret');
    expect(r.path).toBe(provider === 'openai' ? '/v1/chat/completions' : '/v1/messages');
    expect(r.anthropicVersion).toBe(provider === 'openai' ? null : '2023-06-01');
  }
}

const runners = { go: runGo, java: runJava };

describe.each([
  ['go', haveGo],
  ['java', haveJava],
] as const)('the %s snippet as pasted', (language, available) => {
  const run = runners[language];

  it.skipIf(!available).each(['anthropic', 'openai'] as const)('should cap at 5 sockets and reuse them in the second burst (%s API)', async (provider) => {
    server = await startCountingServer();
    const result = await run(scenarioFor(server.url, provider), { n: CONCURRENT, path: provider === 'openai' ? '/v1/chat/completions' : '/v1/messages', tenants: [] });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('done');
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKey(server, provider);
  }, 180_000);

  it.skipIf(!available)('should cap each tenant at its own limit', async () => {
    server = await startCountingServer();
    const scenario = scenarioFor(server.url, 'anthropic', { maxConnections: 6, maxKeepalive: 6, tenants: 2, perTenantMaxConnections: 3 });
    const result = await run(scenario, { n: 6, path: '/v1/messages', tenants: ['a', 'b'] });
    expect(result.stderr).toBe('');
    expect(server.requests).toHaveLength(2 * 2 * 6);
    for (const tenant of ['a', 'b']) expectCappedAndReused(server, tenant, 3);
  }, 180_000);

  it.skipIf(!available)('should compile and run with TCP keep-alive behind a silent hop: each socket probes after 20 s idle', async () => {
    server = await startCountingServer();
    const scenario = scenarioFor(server.url, 'anthropic', { tcpKeepaliveSec: 20 }, { middleboxes: [{ kind: 'custom', idleSec: 60, onIdle: 'silent' }] });
    const code = findSnippetTarget(language === 'go' ? 'go-nethttp' : 'okhttp')!.generate(buildSnippetInput(scenario));
    expect(code).toMatch(language === 'go' ? /KeepAlive: +20 \* time\.Second,/ : /\.socketFactory\(new KeepAliveSocketFactory\(20\)\)/);
    const result = await run(scenario, { n: CONCURRENT, path: '/v1/messages', tenants: [] });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('done');
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    // Read back from the kernel (/proc/net/tcp): SO_KEEPALIVE on, the idle time the snippet set.
    if (process.platform === 'linux') {
      for (const r of server.requests) {
        expect(r.keepaliveTimerSec).toBeGreaterThan(15);
        expect(r.keepaliveTimerSec).toBeLessThanOrEqual(20);
      }
    }
  }, 180_000);
});
