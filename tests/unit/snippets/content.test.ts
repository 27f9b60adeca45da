/**
 * What the snippets say and set, target by target: the scenario's own pools, the provider's request
 * shape, undici's HTTP/2 switches by major, tenants, and comments that hold for their numbers.
 */
import { describe, expect, it } from 'vitest';
import { buildSnippetInput, computeFormula, findPreset, findSnippetTarget, parseScenario, PRESETS, SNIPPET_TARGETS, type Scenario, type ScenarioInput } from '../../../src/core/index.ts';
import { SNIPPET_TARGET_FACTS } from '../../../src/core/clients/index.ts';

function scenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const gen = (id: string, s: Scenario) => findSnippetTarget(id)!.generate(buildSnippetInput(s));
const preset = (id: string) => findPreset(id)!.scenario;

describe('snippet targets', () => {
  it('should be the clients table targets, in its order, each with a generator', () => {
    expect(SNIPPET_TARGETS.map((t) => [t.id, t.label, t.filename, t.language])).toEqual(SNIPPET_TARGET_FACTS.map((t) => [t.id, t.label, t.filename, t.language]));
    for (const t of SNIPPET_TARGETS) expect(typeof t.generate).toBe('function');
    expect(SNIPPET_TARGETS.map((t) => t.id)).toEqual(expect.arrayContaining(['httpx2', 'httpx2-sync', 'monitor-httpx2', 'httpx', 'openai-py', 'anthropic-ts']));
  });
});

describe('snippet sizes', () => {
  it("should write the scenario's pool numbers, not the formula's, in every target", () => {
    // The formula would give 7 connections for this load; the pool says 13 and 11.
    const s = scenario({ workload: { arrival: { kind: 'users', users: 20, thinkSec: 30 } }, pool: { maxConnections: 13, maxKeepalive: 11, keepaliveSec: 45, poolTimeoutSec: 4 } });
    expect(computeFormula(s).maxConnections).toBe(7);
    for (const t of SNIPPET_TARGETS) {
      const code = t.generate(buildSnippetInput(s));
      if (t.id === 'aiohttp') {
        expect(code).toMatch(/limit=13,[\s\S]*limit_per_host=13,[\s\S]*keepalive_timeout=45\.0,[\s\S]*connect=14\.0,/);
      } else if (t.id.endsWith('-aiohttp')) {
        // The SDKs' aiohttp transport has no idle cap: no max_keepalive_connections to write.
        expect(code).toMatch(/max_connections=13,[\s\S]*keepalive_expiry=45\.0,[\s\S]*pool=14\.0,/);
      } else if (t.id === 'litellm') {
        expect(code).toMatch(/"AIOHTTP_CONNECTOR_LIMIT_PER_HOST"\] = "13"[\s\S]*"AIOHTTP_KEEPALIVE_TIMEOUT"\] = "45"/);
      } else if (t.language === 'go') {
        expect(code).toMatch(/MaxConnsPerHost: +13,[\s\S]*MaxIdleConnsPerHost: +11,[\s\S]*IdleConnTimeout: +45 \* time\.Second,/);
      } else if (t.language === 'java') {
        expect(code).toMatch(/setMaxRequestsPerHost\(13\);[\s\S]*new ConnectionPool\(11, 45, TimeUnit\.SECONDS\)/);
      } else if (t.language === 'python') {
        expect(code).toMatch(t.id.startsWith('monitor') ? /max_connections: int = 13\b/ : /max_connections=13,[\s\S]*max_keepalive_connections=11,[\s\S]*keepalive_expiry=45\.0,[\s\S]*pool=4\.0,/);
      } else {
        expect(code).toMatch(t.id.startsWith('monitor') ? /maxConnections = 13\b/ : /connections: 13,[\s\S]*keepAliveTimeout: 45_000,/);
      }
      expect(code).toContain('Sizes are the scenario\u2019s own pool settings');
    }
  });

  it('should give every pool its own limits in the two-pool pattern', () => {
    const batch = preset('batch');
    const js = gen('undici', batch);
    expect(js).toMatch(/export const batchAgent = new Agent\(\{\n {2}connections: 80,/);
    expect(js).toMatch(/export const streamingAgent = new Agent\(\{\n {2}connections: 40,/);
    const py = gen('httpx2', batch);
    expect(py).toMatch(/batch_client = httpx2\.AsyncClient\([\s\S]*max_connections=80,[\s\S]*max_keepalive_connections=40,/);
    expect(py).toMatch(/streaming_client = httpx2\.AsyncClient\([\s\S]*max_connections=40,[\s\S]*max_keepalive_connections=10,/);
  });

  it('should build one capped client or Agent per tenant and say the global cap is not enforced', () => {
    const tenants = preset('multi-tenant'); // 200 overall, 10 per tenant, 20 tenants
    const js = gen('undici', tenants);
    expect(js).toContain('export function sharedAgentForTenant(tenantId) {');
    expect(js).toMatch(/new Agent\(\{\n\s+connections: 10, \/\/ max open sockets to the API per tenant/);
    expect(js).toContain('undici cannot enforce the pool\'s global cap of 200 connections');
    const ts = gen('anthropic-ts', tenants);
    expect(ts).toContain('export function sharedAgentForTenant(tenantId: string): Agent {');
    expect(ts).toContain('export function sharedClientForTenant(tenantId: string): Anthropic {');
    for (const id of ['httpx2', 'httpx', 'openai-py', 'anthropic-py']) {
      const py = gen(id, tenants);
      expect(py).toContain('def shared_client_for_tenant(tenant_id: str)');
      expect(py).toMatch(/max_connections=10,\s+# max open connections for this tenant/);
      expect(py).toMatch(/cannot enforce the pool's global cap of 200 connections/);
    }
  });
});

describe('snippet providers', () => {
  const anthropic = scenario({ endpoint: { provider: 'anthropic' } });
  const openai = scenario({ endpoint: { provider: 'openai' } });

  it("should send Anthropic's headers and path for an Anthropic endpoint", () => {
    for (const id of ['undici', 'undici7', 'httpx', 'httpx2', 'httpx2-sync']) {
      const code = gen(id, anthropic);
      expect(code).toContain('"x-api-key"');
      expect(code).toContain('"anthropic-version": "2023-06-01"');
      expect(code).toContain('"/v1/messages"');
      expect(code).toContain('"ANTHROPIC_API_KEY"');
      expect(code).not.toMatch(/authorization|Bearer/);
    }
  });

  it("should send OpenAI's bearer header and path for an OpenAI endpoint", () => {
    expect(openai.endpoint.baseUrl).toBe('https://api.openai.com');
    for (const id of ['undici', 'undici7', 'httpx', 'httpx2', 'httpx2-sync']) {
      const code = gen(id, openai);
      expect(code).toMatch(/"authorization": "Bearer " \+ (apiKey\("OPENAI_API_KEY"\)|_api_key\(\))/);
      expect(code).toContain('"/v1/chat/completions"');
      expect(code).toContain('"https://api.openai.com"');
      expect(code).not.toMatch(/x-api-key|anthropic-version/);
    }
  });

  it('should give the OpenAI SDKs a base ending in /v1 and the Anthropic SDKs one without', () => {
    for (const id of ['openai-py', 'openai-ts']) expect(gen(id, openai)).toContain('"https://api.openai.com/v1"');
    const given = scenario({ endpoint: { provider: 'openai', baseUrl: 'https://gateway.example.com/v1' } });
    expect(gen('openai-py', given)).toContain('BASE_URL = "https://gateway.example.com/v1"');
    expect(gen('httpx2', given)).toContain('"/chat/completions"');
    for (const id of ['anthropic-py', 'anthropic-ts']) expect(gen(id, anthropic)).toContain('"https://api.anthropic.com"');
  });

  it('should never embed a key, only read the variable the scenario names', () => {
    for (const p of PRESETS) {
      const s = { ...p.scenario, endpoint: { provider: 'openai' as const, baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'MY_OPENAI_KEY' } };
      for (const target of SNIPPET_TARGETS) {
        const code = target.generate(buildSnippetInput(s));
        expect(code).not.toMatch(/sk-[A-Za-z0-9]/);
        if (!target.id.startsWith('monitor')) expect(code).toContain('"MY_OPENAI_KEY"');
      }
    }
  });

  it('should build the Python SDK clients on httpx2 and say what changes for the previous majors', () => {
    const oa = gen('openai-py', openai);
    expect(oa).toMatch(/openai\.AsyncOpenAI\([\s\S]*http_client=openai\.DefaultAsyncHttpxClient\(\n\s+limits=httpx2\.Limits\(/);
    expect(oa).toContain('openai < 3 took an httpx client');
    expect(oa).not.toMatch(/^import httpx$/m);
    const an = gen('anthropic-py', anthropic);
    expect(an).toMatch(/anthropic\.AsyncAnthropic\([\s\S]*http_client=anthropic\.DefaultAsyncHttpxClient\(/);
    expect(an).toContain('anthropic < 1 took an httpx client');
  });

  it('should build the Node SDK Agents with the undici 8 target generator', () => {
    const s = preset('backend-api');
    const agentBlock = (code: string) => code.slice(code.indexOf('export const sharedAgent = new Agent({'), code.indexOf('});', code.indexOf('export const sharedAgent')));
    const undici = agentBlock(gen('undici', s));
    expect(undici.length).toBeGreaterThan(100);
    expect(agentBlock(gen('openai-ts', s))).toBe(undici);
    expect(agentBlock(gen('anthropic-ts', s))).toBe(undici);
  });
});

describe('snippet HTTP/2 switches', () => {
  it('should set allowH2: false on undici 8 for HTTP/1.1 scenarios, and say why', () => {
    const code = gen('undici', preset('chat-app'));
    expect(code).toMatch(/allowH2: false, \/\/ HTTP\/1\.1: undici 8 speaks HTTP\/2 to any server offering it unless told not to \(lib\/dispatcher\/client\.js:234, undici 8\.13\.1\)/);
    expect(code).toContain('pipelining: 1,');
  });

  it('should let undici 8 multiplex HTTP/2 with its stream limit', () => {
    const v8 = gen('undici', preset('backend-api'));
    expect(v8).toContain('allowH2: true,');
    expect(v8).toContain('h2Options: { maxConcurrentStreams: 100 },');
    expect(v8).not.toContain('pipelining');
  });

  it('should size undici 7 over HTTP/2 never below the HTTP/1.1 size for the load, and say why', () => {
    // A target-based HTTP/2 pool of 1 connection; over HTTP/1.1 the load needs 7 (formula).
    const s = scenario({ workload: { arrival: { kind: 'users', users: 20, thinkSec: 30 } }, pool: { protocol: 'h2', maxConnections: 1, maxKeepalive: 1 } });
    const v7 = gen('undici7', s);
    expect(v7).toMatch(/connections: 7, \/\/ the HTTP\/1\.1 size for this load, not the scenario's HTTP\/2 1: undici 7 runs one POST per connection/);
    expect(v7).toMatch(/allowH2: true[\s\S]*client-h2\.js:197, undici 7\.30\.2[\s\S]*pipelining: 1,/);
    expect(gen('undici', s)).toMatch(/connections: 1, /);
    const big = gen('undici7', preset('backend-api')); // 30 in the pool, 27 by the formula
    expect(big).toMatch(/connections: 30, \/\/ max open sockets; not below the 27 an HTTP\/1\.1 pool needs/);
  });

  it('should set http2=True only for HTTP/2 scenarios in the Python clients', () => {
    for (const id of ['httpx', 'httpx2', 'httpx2-sync', 'openai-py', 'anthropic-py']) {
      expect(gen(id, preset('backend-api'))).toContain('http2=True,');
      expect(gen(id, preset('chat-app'))).toContain('http2=False,');
    }
  });
});

describe('snippet comments', () => {
  it("should say the keep-alive outlasts the users' think time only when it does", () => {
    const long = scenario({ workload: { arrival: { kind: 'users', users: 10, thinkSec: 30 } }, pool: { keepaliveSec: 120 } });
    const short = scenario({ workload: { arrival: { kind: 'users', users: 10, thinkSec: 30 } }, pool: { keepaliveSec: 10 } });
    const rate = scenario({ workload: { arrival: { kind: 'poisson', perSec: 5 } }, pool: { keepaliveSec: 120 } });
    for (const id of ['undici', 'undici7', 'httpx', 'httpx2', 'openai-ts', 'anthropic-py']) {
      expect(gen(id, long)).toContain("outlasts the users' 30 s mean think time");
      expect(gen(id, short)).not.toContain('outlasts');
      expect(gen(id, short)).toContain("not longer than the users' 30 s mean think time");
      expect(gen(id, rate)).not.toMatch(/think time/);
    }
  });

  it("should warn next to httpx 0.28's max_keepalive_connections when it is below max_connections, and not for httpx2", () => {
    const s = preset('chat-app'); // 30 connections, 15 kept idle
    expect(gen('httpx', s)).toMatch(/max_keepalive_connections=15,\s+# below max_connections: httpcore 1\.x closes idle connections while ALL open ones exceed 15[^\n]*set it to 30 \(httpcore\/_async\/connection_pool\.py:294, httpcore 1\.0\.9\)/);
    expect(gen('httpx', s)).toContain('# Keep-alive (httpcore/_async/connection_pool.py:294, httpcore 1.0.9): httpcore 1.x closes idle connections while all open connections');
    expect(gen('httpx2', s)).not.toContain('below max_connections');
    const equal = scenario({ pool: { maxConnections: 12, maxKeepalive: 12 } });
    expect(gen('httpx', equal)).not.toContain('below max_connections');
  });

  it("should say undici cannot apply the scenario's pool timeout, and write it for httpx", () => {
    const s = scenario({ pool: { poolTimeoutSec: 8 } });
    expect(gen('undici', s)).toContain("the scenario's 8 s pool timeout is not set here");
    expect(gen('httpx2', s)).toContain('pool=8.0,  # max wait for a free connection before httpx2.PoolTimeout');
    expect(gen('httpx2', scenario({}))).toContain('pool=None,');
  });
});

describe("snippets for clients on Node's global fetch", () => {
  it('should name the scenario’s Node and what its fetch would do without the Agents', () => {
    const on26 = gen('undici', scenario({ client: 'node-fetch', node: '26' }));
    expect(on26).toContain('Node 26 (the scenario\'s Node; checked on 26.10.0): its global fetch bundles undici 8.10.2, which negotiates HTTP/2');
    expect(on26).toContain('allowH2: false'); // the HTTP/1.1 scenario still gets HTTP/1.1 on Node 26
    expect(gen('anthropic-ts', scenario({ client: 'anthropic-ts' }))).toContain('Node 24 (the scenario\'s Node; checked on 24.21.0): its global fetch bundles undici 7.29.1, which speaks HTTP/1.1');
    expect(gen('openai-ts', scenario({ client: 'openai-ts', node: '22' }))).toContain('bundles undici 6.28.1');
  });

  it('should say nothing about Node’s fetch when the client is not on it', () => {
    expect(gen('undici', scenario({ client: 'undici', node: '26' }))).not.toContain('global fetch bundles');
    expect(gen('anthropic-ts', scenario({}))).not.toContain('global fetch bundles');
  });
});
