/**
 * The snippets run as pasted on the real libraries they name, against a local server over HTTP/1.1:
 * undici 7.30 on this Node 20; undici 8.13, openai 7 and @anthropic-ai/sdk 1 on Node 22
 * (tests/fixtures/undici8); httpx 0.28.1, httpx2 2.13.1, openai 3.22.1 and anthropic 1.13.0 in the
 * venv of scripts/python-env.sh. Each fires more concurrent requests than maxConnections, twice:
 * the server must see at most maxConnections sockets busy, and the second burst must reuse them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSnippetInput, findSnippetTarget, LANGUAGES, parseScenario, type Scenario, type ScenarioInput } from '../../../src/core/index.ts';
import { nodeDriver, nodeSdkDriver, pythonAsyncDriver, pythonSdkDriver, pythonSyncDriver, type DriverConfig } from './drivers.ts';
import { childEnv, ensurePython, ensureUndici8, FIXTURE_UNDICI8, NODE22, runChild, socketsIn, startCountingServer, tempDir, type CountingServer } from './harness.ts';

const CONCURRENT = 12;
const MAX = 5;

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

let server: CountingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

let python = '';
beforeAll(() => {
  ensureUndici8();
  python = ensurePython();
}, 600_000);

type Runtime = 'node20' | 'node22' | 'python';

interface Run {
  target: string;
  runtime: Runtime;
  /** File the snippet is saved as (the driver imports it by this name). */
  file: string;
  driver: string;
  /** Other snippets saved next to it (the monitor watches pool.mjs / pool.py). */
  extra?: { target: string; file: string }[];
  config?: Partial<DriverConfig>;
}

/** Saves the snippet(s) and the driver, runs it on its runtime; the stdout lines before "done" are returned. */
async function runSnippet(scenario: Scenario, run: Run): Promise<string[]> {
  const input = buildSnippetInput(scenario);
  // undici 7 resolves from the project's node_modules, undici 8 and the Node SDKs from the fixture's.
  const dir = run.runtime === 'node22' ? tempDir(join(FIXTURE_UNDICI8, 'runs')) : tempDir();
  for (const s of [{ target: run.target, file: run.file }, ...(run.extra ?? [])]) writeFileSync(join(dir, s.file), findSnippetTarget(s.target)!.generate(input));
  const driverFile = LANGUAGES[findSnippetTarget(run.target)!.language].driverFile;
  writeFileSync(join(dir, driverFile), run.driver);
  const config: DriverConfig = { n: CONCURRENT, path: input.provider.path, tenants: [], factory: '', ...run.config };
  const command = run.runtime === 'python' ? python : run.runtime === 'node22' ? NODE22 : process.execPath;
  const env = childEnv(scenario.endpoint.apiKeyEnv);
  const result = await runChild(command, [driverFile, JSON.stringify(config)], { cwd: dir, env, timeoutMs: 90_000 });
  expect(result.stderr).toBe('');
  const lines = result.stdout.trim().split('\n');
  expect(lines.at(-1)).toBe('done');
  return lines.slice(0, -1);
}

/** The pool ran full, never beyond its cap, and the second burst reused exactly the sockets of the first. */
function expectCappedAndReused(s: CountingServer, bursts = 2, tenant?: string, max = MAX) {
  const first = socketsIn(s.requests, 1, tenant);
  const second = socketsIn(s.requests, 2, tenant);
  expect(s.peakInFlight(tenant)).toBe(max);
  expect(first.size).toBe(max);
  if (bursts === 2) expect(second).toEqual(first);
}

/** The provider's key header and path; the raw snippets send anthropic-version 2023-06-01, the SDKs their own (the Node SDK 1.14 sends 2026-10-21). */
function expectKeyAndShape(s: CountingServer, provider: 'anthropic' | 'openai', sdk = false) {
  for (const r of s.requests) {
    expect(r.key).toBe('test-key-not-secret');
    expect(r.path).toBe(provider === 'openai' ? '/v1/chat/completions' : '/v1/messages');
    if (provider === 'openai') expect(r.anthropicVersion).toBeNull();
    else if (sdk) expect(r.anthropicVersion).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    else expect(r.anthropicVersion).toBe('2023-06-01');
  }
}

describe('pool snippets on their libraries over HTTP/1.1', () => {
  it.each([
    ['undici7', 'node20', 'anthropic'],
    ['undici', 'node22', 'openai'],
  ] as const)('should cap and reuse sockets with the %s snippet (%s, %s API)', async (target, runtime, provider) => {
    server = await startCountingServer();
    await runSnippet(scenarioFor(server.url, provider), { target, runtime, file: 'pool.mjs', driver: nodeDriver() });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeyAndShape(server, provider);
  }, 120_000);

  it.each([
    ['httpx', pythonAsyncDriver(), 'anthropic'],
    ['httpx-sync', pythonSyncDriver(), 'openai'],
    ['httpx2', pythonAsyncDriver(), 'openai'],
    ['httpx2-sync', pythonSyncDriver(), 'anthropic'],
  ] as const)('should cap and reuse connections with the %s snippet', async (target, driver, provider) => {
    server = await startCountingServer();
    await runSnippet(scenarioFor(server.url, provider), { target, runtime: 'python', file: 'pool.py', driver });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeyAndShape(server, provider);
  }, 120_000);

  it('should churn connections with httpx 0.28 when max_keepalive_connections < max_connections, as its comment says, and not with httpx2', async () => {
    const churn = async (target: string) => {
      server = await startCountingServer();
      const scenario = scenarioFor(server.url, 'anthropic', { maxConnections: MAX, maxKeepalive: 2 });
      expect(findSnippetTarget(target)!.generate(buildSnippetInput(scenario)).includes('below max_connections')).toBe(target === 'httpx');
      await runSnippet(scenario, { target, runtime: 'python', file: 'pool.py', driver: pythonAsyncDriver() });
      const result = { peak: server.peakInFlight(), first: socketsIn(server.requests, 1), second: socketsIn(server.requests, 2) };
      await server.close();
      server = undefined;
      return result;
    };
    const v028 = await churn('httpx');
    expect(v028.peak).toBeLessThanOrEqual(MAX);
    expect(v028.first.size).toBeGreaterThan(MAX); // finished connections closed, new ones opened for queued requests
    const v2 = await churn('httpx2');
    expect(v2.peak).toBe(MAX);
    expect(v2.first.size).toBe(MAX);
    expect([...v2.second].filter((id) => v2.first.has(id)).length).toBeGreaterThanOrEqual(2); // the 2 kept idle
  }, 180_000);

  it.each([
    ['undici', 'node22', nodeDriver(), 'sharedAgentForTenant', 'pool.mjs'],
    ['httpx2', 'python', pythonAsyncDriver(), 'shared_client_for_tenant', 'pool.py'],
  ] as const)('should cap each tenant at its own limit with the %s snippet', async (target, runtime, driver, factory, file) => {
    server = await startCountingServer();
    const scenario = scenarioFor(server.url, 'anthropic', { maxConnections: 6, maxKeepalive: 6, tenants: 2, perTenantMaxConnections: 3 });
    await runSnippet(scenario, { target, runtime, file, driver, config: { n: 6, tenants: ['a', 'b'], factory } });
    expect(server.requests).toHaveLength(2 * 2 * 6);
    for (const tenant of ['a', 'b']) expectCappedAndReused(server, 2, tenant, 3);
    expect(socketsIn(server.requests, 1).size).toBe(6);
  }, 120_000);
});

describe('monitor snippets on their libraries', () => {
  /** "pool: 24 requests | 5 new connections, reuse … | peak open 5/5 …" → the three counts. */
  function parseReport(line: string | undefined) {
    const m = /^pool: (\d+) requests \| (\d+) new connections, reuse [\d.]+% \(aim > 85%\) \| peak (?:open|busy) (\d+)\/(\d+) \| wait before send mean [\d.]+ ms, max [\d.]+ ms/.exec(line ?? '');
    expect(m, line).not.toBeNull();
    return { requests: Number(m![1]), newConnections: Number(m![2]), peak: Number(m![3]), max: Number(m![4]) };
  }

  function expectMatchesServer(report: ReturnType<typeof parseReport>, s: CountingServer) {
    const sockets = new Set(s.requests.map((r) => r.socket));
    expect(report).toEqual({ requests: s.requests.length, newConnections: sockets.size, peak: s.peakInFlight(), max: MAX });
    expect(report).toEqual({ requests: 2 * CONCURRENT, newConnections: MAX, peak: MAX, max: MAX });
  }

  it('should print the counts the server saw with the undici monitor on undici 8', async () => {
    server = await startCountingServer();
    const lines = await runSnippet(scenarioFor(server.url, 'anthropic'), {
      target: 'undici',
      runtime: 'node22',
      file: 'pool.mjs',
      driver: nodeDriver('sharedAgent'),
      extra: [{ target: 'monitor-undici', file: 'pool-monitor.mjs' }],
    });
    expectMatchesServer(parseReport(lines[0]), server);
  }, 120_000);

  it.each([
    ['monitor-httpx', 'httpx', pythonAsyncDriver('shared_client')],
    ['monitor-httpx2', 'httpx2', pythonAsyncDriver('shared_client')],
    ['monitor-httpx2', 'httpx2-sync', pythonSyncDriver('shared_client')],
  ] as const)('should print the counts the server saw with the %s snippet on the %s client', async (monitor, target, driver) => {
    server = await startCountingServer();
    const lines = await runSnippet(scenarioFor(server.url, 'openai'), { target, runtime: 'python', file: 'pool.py', driver, extra: [{ target: monitor, file: 'pool_monitor.py' }] });
    expectMatchesServer(parseReport(lines[0]), server);
  }, 120_000);
});

describe('SDK snippets on the current SDKs', () => {
  it('should need httpx2 as the headers say: anthropic 1.13 refuses an httpx client, openai 3 still runs one', async () => {
    const probe = `import anthropic, httpx, openai
try:
    anthropic.AsyncAnthropic(api_key="x", http_client=httpx.AsyncClient())
except TypeError as e:
    print("anthropic:", e)
print("openai:", type(openai.AsyncOpenAI(api_key="x", http_client=httpx.AsyncClient())._client).__module__.split(".")[0])
`;
    const run = await runChild(python, ['-c', probe], { cwd: tempDir(), env: childEnv('X') });
    expect(run.stdout).toContain('anthropic: Invalid `http_client` argument; `httpx.AsyncClient` is from the `httpx` package, but this SDK uses `httpx2`');
    // openai 3 still takes one at run time (its type says httpx2.AsyncClient), as the openai-py header says.
    expect(run.stdout).toContain('openai: httpx');
  }, 60_000);

  it.each([
    ['anthropic-py', 'anthropic', 'messages.create', 'model="claude-sonnet-4-6", max_tokens=16, messages=[{"role": "user", "content": "hi"}]', 'reply.content[0].text'],
    ['openai-py', 'openai', 'chat.completions.create', 'model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]', 'reply.choices[0].message.content'],
  ] as const)('should send real %s calls through the pool it builds (httpx2)', async (target, provider, call, args, text) => {
    server = await startCountingServer();
    await runSnippet(scenarioFor(server.url, provider), { target, runtime: 'python', file: 'pool.py', driver: pythonSdkDriver('shared_client', call, args, text) });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeyAndShape(server, provider, true);
  }, 120_000);

  it.each([
    ['anthropic-ts', 'anthropic', 'anthropic-client.ts', 'messages.create', "{ model: 'claude-sonnet-4-6', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }", "reply.content[0].text"],
    ['openai-ts', 'openai', 'openai-client.ts', 'chat.completions.create', "{ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }", 'reply.choices[0].message.content'],
  ] as const)('should send real %s calls through the undici 8 Agent it builds (Node 22)', async (target, provider, file, call, body, text) => {
    server = await startCountingServer();
    await runSnippet(scenarioFor(server.url, provider), { target, runtime: 'node22', file, driver: nodeSdkDriver(file, 'sharedClient', call, body, text) });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeyAndShape(server, provider, true);
  }, 120_000);
});

/**
 * A silent hop of 60 s (a NAT that forgets idle flows) and the pool the proposal writes for it: TCP
 * keep-alive, a probe after 20 s idle (a third of the limit); the snippets set it and still cap and reuse as before. The kernel shows the timer on
 * each client socket (/proc/net/tcp): SO_KEEPALIVE on and the idle time the snippet asked for.
 */
describe('snippets with TCP keep-alive for a silent hop, on their libraries', () => {
  const SILENT = { middleboxes: [{ kind: 'custom' as const, idleSec: 60, onIdle: 'silent' as const }] };
  const PROBE_SEC = 20;

  /** Every request went out on a socket whose keep-alive timer runs with the snippet's idle time. */
  function expectKeepaliveTimers(s: CountingServer, sec: number | null) {
    if (process.platform !== 'linux') return; // the timers are read back from Linux's /proc/net/tcp
    const timers = s.requests.map((r) => r.keepaliveTimerSec);
    for (const t of timers) {
      if (sec === null) expect(t).toBeNull();
      else {
        expect(t).toBeGreaterThan(sec - 5);
        expect(t).toBeLessThanOrEqual(sec);
      }
    }
  }

  it.each([
    ['httpx2', pythonAsyncDriver(), 'openai'],
    ['httpx2-sync', pythonSyncDriver(), 'anthropic'],
    ['httpx', pythonAsyncDriver(), 'anthropic'],
    ['httpx-sync', pythonSyncDriver(), 'openai'],
  ] as const)('should set SO_KEEPALIVE and TCP_KEEPIDLE on the %s sockets and still cap and reuse them', async (target, driver, provider) => {
    server = await startCountingServer();
    const scenario = scenarioFor(server.url, provider, { tcpKeepaliveSec: 20 }, SILENT);
    expect(findSnippetTarget(target)!.generate(buildSnippetInput(scenario))).toContain(`socket_options=_tcp_keepalive(${PROBE_SEC})`);
    await runSnippet(scenario, { target, runtime: 'python', file: 'pool.py', driver });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeepaliveTimers(server, PROBE_SEC);
  }, 120_000);

  it('should leave httpx2 sockets without keep-alive when the path has no silent hop (the control)', async () => {
    server = await startCountingServer();
    await runSnippet(scenarioFor(server.url, 'openai'), { target: 'httpx2', runtime: 'python', file: 'pool.py', driver: pythonAsyncDriver() });
    expectCappedAndReused(server);
    expectKeepaliveTimers(server, null);
  }, 120_000);

  it.each([
    ['anthropic-py', 'anthropic', 'messages.create', 'model="claude-sonnet-4-6", max_tokens=16, messages=[{"role": "user", "content": "hi"}]', 'reply.content[0].text'],
    ['openai-py', 'openai', 'chat.completions.create', 'model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]', 'reply.choices[0].message.content'],
  ] as const)('should send real %s calls through a transport with the keep-alive socket options', async (target, provider, call, args, text) => {
    server = await startCountingServer();
    await runSnippet(scenarioFor(server.url, provider, { tcpKeepaliveSec: 20 }, SILENT), { target, runtime: 'python', file: 'pool.py', driver: pythonSdkDriver('shared_client', call, args, text) });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeepaliveTimers(server, PROBE_SEC);
  }, 120_000);

  it.each([
    ['undici7', 'node20', 'anthropic'],
    ['undici', 'node22', 'openai'],
  ] as const)('should set keepAliveInitialDelay on the %s Agent’s sockets (%s)', async (target, runtime, provider) => {
    server = await startCountingServer();
    await runSnippet(scenarioFor(server.url, provider, { tcpKeepaliveSec: 20 }, SILENT), { target, runtime, file: 'pool.mjs', driver: nodeDriver() });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeepaliveTimers(server, PROBE_SEC);
  }, 120_000);

  it('should set keepAliveInitialDelay through the anthropic-ts snippet’s Agent (Node 22)', async () => {
    server = await startCountingServer();
    const file = 'anthropic-client.ts';
    await runSnippet(scenarioFor(server.url, 'anthropic', { tcpKeepaliveSec: 20 }, SILENT), {
      target: 'anthropic-ts',
      runtime: 'node22',
      file,
      driver: nodeSdkDriver(file, 'sharedClient', 'messages.create', "{ model: 'claude-sonnet-4-6', max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }", 'reply.content[0].text'),
    });
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    expectKeepaliveTimers(server, PROBE_SEC);
  }, 120_000);
});
