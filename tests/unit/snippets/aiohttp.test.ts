/**
 * The aiohttp targets run as pasted on aiohttp 3.14 in the venv of scripts/python-env.sh: the raw
 * ClientSession module and the SDKs' DefaultAioHttpClient (openai[aiohttp] 3.22.1, anthropic[aiohttp]
 * 1.13.0). Two bursts of 12 on a pool of 5: never more than 5 sockets busy, the second burst on the
 * first burst's sockets (per tenant, where each tenant has its own limit_per_host).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aiohttpDriver } from '../../../src/core/clients/aiohttp/testing/index.ts';
import type { DriverConfig } from '../../../src/core/clients/testKit.ts';
import { buildSnippetInput, findSnippetTarget, LANGUAGES, parseScenario, type Scenario, type ScenarioInput } from '../../../src/core/index.ts';
import { pythonSdkDriver } from './drivers.ts';
import { childEnv, ensurePython, runChild, socketsIn, startCountingServer, tempDir, type CountingServer } from './harness.ts';

const CONCURRENT = 12;
const MAX = 5;

function scenarioFor(baseUrl: string, provider: 'anthropic' | 'openai', pool: ScenarioInput['pool'] = {}, network?: ScenarioInput['network']): Scenario {
  const result = parseScenario({
    version: network ? 2 : 1,
    ...(network ? { network } : {}),
    client: 'aiohttp',
    workload: { arrival: { kind: 'users', users: 20, thinkSec: 30 } },
    endpoint: { provider, baseUrl, apiKeyEnv: provider === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY' },
    pool: { maxConnections: MAX, maxKeepalive: 2, keepaliveSec: 60, ...pool },
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
  python = ensurePython();
}, 600_000);

async function run(scenario: Scenario, target: string, driver: string, config: Partial<DriverConfig> = {}): Promise<void> {
  const input = buildSnippetInput(scenario);
  const dir = tempDir();
  const t = findSnippetTarget(target)!;
  writeFileSync(join(dir, 'pool.py'), t.generate(input));
  const driverFile = LANGUAGES[t.language].driverFile;
  writeFileSync(join(dir, driverFile), driver);
  const cfg: DriverConfig = { n: CONCURRENT, path: input.provider.path, tenants: [], factory: '', ...config };
  const result = await runChild(python, [driverFile, JSON.stringify(cfg)], { cwd: dir, env: childEnv(scenario.endpoint.apiKeyEnv), timeoutMs: 90_000 });
  expect(result.stderr).toBe('');
  expect(result.stdout.trim().split('\n').at(-1)).toBe('done');
}

function expectCappedAndReused(s: CountingServer, tenant?: string, max = MAX) {
  const first = socketsIn(s.requests, 1, tenant);
  expect(s.peakInFlight(tenant)).toBe(max);
  expect(first.size).toBe(max);
  expect(socketsIn(s.requests, 2, tenant)).toEqual(first);
}

describe('aiohttp snippets on aiohttp 3.14', () => {
  it('should cap and reuse connections with the aiohttp snippet, keeping idle ones past the scenario’s max keep-alive', async () => {
    server = await startCountingServer();
    await run(scenarioFor(server.url, 'openai'), 'aiohttp', aiohttpDriver());
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
  }, 120_000);

  it('should cap each tenant at its own limit with the aiohttp snippet', async () => {
    server = await startCountingServer();
    const scenario = scenarioFor(server.url, 'anthropic', { maxConnections: 6, maxKeepalive: 6, tenants: 2, perTenantMaxConnections: 3 });
    await run(scenario, 'aiohttp', aiohttpDriver(), { n: 6, tenants: ['a', 'b'], factory: 'shared_client_for_tenant' });
    expect(server.requests).toHaveLength(2 * 2 * 6);
    for (const tenant of ['a', 'b']) expectCappedAndReused(server, tenant, 3);
  }, 120_000);

  it.each([
    ['anthropic-py-aiohttp', 'anthropic', 'messages.create', 'model="claude-sonnet-4-6", max_tokens=16, messages=[{"role": "user", "content": "hi"}]', 'reply.content[0].text'],
    ['openai-py-aiohttp', 'openai', 'chat.completions.create', 'model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}]', 'reply.choices[0].message.content'],
  ] as const)('should send real %s calls through the DefaultAioHttpClient it builds', async (target, provider, call, args, text) => {
    server = await startCountingServer();
    await run(scenarioFor(server.url, provider), target, pythonSdkDriver('shared_client', call, args, text));
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
  }, 120_000);

  it('should give the aiohttp snippet’s sockets TCP keep-alive through socket_factory behind a silent hop, capped and reused as before', async () => {
    server = await startCountingServer();
    const scenario = scenarioFor(server.url, 'openai', { tcpKeepaliveSec: 20 }, { middleboxes: [{ kind: 'custom', idleSec: 60, onIdle: 'silent' }] });
    expect(findSnippetTarget('aiohttp')!.generate(buildSnippetInput(scenario))).toContain('socket_factory=_tcp_keepalive_socket(20)');
    await run(scenario, 'aiohttp', aiohttpDriver());
    expect(server.requests).toHaveLength(2 * CONCURRENT);
    expectCappedAndReused(server);
    // Read back from the kernel (/proc/net/tcp): each client socket runs a keep-alive timer of at most 20 s.
    if (process.platform === 'linux') {
      for (const r of server.requests) {
        expect(r.keepaliveTimerSec).toBeGreaterThan(15);
        expect(r.keepaliveTimerSec).toBeLessThanOrEqual(20);
      }
    }
  }, 120_000);
});
