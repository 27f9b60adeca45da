import { describe, expect, it } from 'vitest';
import { defaultScenario, formatErrors, parseScenario, parseScenarioJson } from '../../src/core/index.ts';

function errorsOf(input: unknown): string {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return formatErrors(result.errors);
}

describe('parseScenario', () => {
  it('should fill documented defaults for missing parts', () => {
    const s = defaultScenario();
    expect(s.version).toBe(2);
    expect(s.workload.arrival).toEqual({ kind: 'users', users: 100, thinkSec: 30, thinkDist: 'exponential' });
    expect(s.workload.classes).toEqual([{ name: 'chat', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 8 } }]);
    expect(s.network).toEqual({ rttMs: 50, dnsMs: 20, tls: '1.3', dnsCacheSec: 0, middleboxes: [] });
    expect(s.pool).toMatchObject({ name: 'shared', protocol: 'h1', maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120, streamsPerConnection: 100, tenants: 1 });
    expect(s.endpoint).toEqual({ provider: 'anthropic', baseUrl: 'https://api.anthropic.com', apiKeyEnv: 'ANTHROPIC_API_KEY' });
    expect(s.sim).toEqual({ requests: 100000, seed: 1, warmupShare: 0.1 });
    expect(s.sizing).toEqual({ headroom: 0.1, keepaliveShare: 0.5 });
    expect(s.target).toEqual({ metric: 'p99QueueWaitMs', value: 100 });
  });

  it('should give by parsing an empty scenario exactly the defaults the page starts from without parsing', () => {
    const parsed = parseScenario({ version: 1 });
    expect(parsed.ok && parsed.scenario).toStrictEqual(defaultScenario());
    // A fresh copy each time: editing one never changes the defaults.
    const a = defaultScenario();
    a.pool.maxConnections = 99;
    expect(defaultScenario().pool.maxConnections).toBe(30);
  });

  it('should accept the documented example scenario as written', () => {
    const result = parseScenario({
      version: 1,
      workload: {
        arrival: { kind: 'poisson', perSec: 3.3 },
        classes: [{ name: 'chat', share: 1, streaming: true, duration: { dist: 'lognormal', meanSec: 8, p95Sec: 20 } }],
      },
      network: { rttMs: 50, dnsMs: 20, tls: '1.2' },
      pool: { protocol: 'h2', maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120, streamsPerConnection: 100 },
      endpoint: { baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY' },
      sim: { requests: 100000, seed: 7 },
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['a negative count', { pool: { maxConnections: -1 } }, 'pool.maxConnections: must be at least 1'],
    ['a zero interval', { workload: { arrival: { kind: 'users', users: 10, thinkSec: 0 } } }, 'workload.arrival.thinkSec: must be greater than 0'],
    ['a string for a number', { workload: { arrival: { kind: 'users', users: 'many', thinkSec: 30 } } }, 'workload.arrival.users: must be a number (got a string)'],
    ['a fractional user count', { workload: { arrival: { kind: 'users', users: 2.5, thinkSec: 30 } } }, 'workload.arrival.users: must be a whole number'],
    ['an absurdly large value', { workload: { arrival: { kind: 'poisson', perSec: 1e12 } } }, 'workload.arrival.perSec: must be at most 100000'],
    ['a typo in a field name', { pool: { maxConnection: 3 } }, 'pool: unknown field "maxConnection"'],
    ['an unknown arrival kind', { workload: { arrival: { kind: 'storm' } } }, 'workload.arrival.kind: must be "users", "poisson", "bursty", "trace" (got "storm")'],
    ['an unknown TLS version', { network: { tls: '1.1' } }, 'network.tls: must be "1.2" or "1.3" or "none"'],
    ['keep-alive above the cap', { pool: { maxConnections: 10, maxKeepalive: 11 } }, 'pool.maxKeepalive: must not exceed maxConnections (10)'],
    ['no request classes', { workload: { classes: [] } }, 'workload.classes: must have at least 1 item'],
    ['a class routed to a missing pool', { workload: { classes: [{ name: 'x', share: 1, duration: { dist: 'constant', meanSec: 1 }, pool: 'nope' } ] } }, 'workload.classes[0].pool: names no pool (pools are "shared")'],
    ['a lognormal p95 below its mean', { workload: { classes: [{ name: 'x', share: 1, duration: { dist: 'lognormal', meanSec: 5, p95Sec: 4 } }] } }, 'workload.classes[0].duration.p95Sec: must be greater than meanSec for a lognormal'],
    ['a lognormal p95 no lognormal can have', { workload: { classes: [{ name: 'x', share: 1, duration: { dist: 'lognormal', meanSec: 1, p95Sec: 10 } }] } }, 'workload.classes[0].duration.p95Sec: must be at most 3.87 × meanSec'],
    ['a newer version', { version: 3 }, 'version: 3 is newer than this pool-sizer understands (2)'],
    ['a URL that could break out of a string', { endpoint: { baseUrl: 'https://x.com/"+require("fs")' } }, 'endpoint.baseUrl: must be a plain http(s) URL'],
    ['an env var name with spaces', { endpoint: { apiKeyEnv: 'MY KEY' } }, 'endpoint.apiKeyEnv: must be an environment variable name'],
    ['a name with a newline', { workload: { classes: [{ name: 'a\nb', share: 1, duration: { dist: 'constant', meanSec: 1 } }] } }, 'workload.classes[0].name: must not contain control characters'],
    ['duplicate pool names', { pools: [{ name: 'shared' }] }, 'pools[0].name: duplicates the pool name "shared"'],
    ['Infinity', { pool: { keepaliveSec: Infinity } }, 'pool.keepaliveSec:'],
    ['NaN', { sizing: { headroom: NaN } }, 'sizing.headroom:'],
  ])('should refuse %s and name the field', (_what, input, expected) => {
    expect(errorsOf({ version: 2, ...input })).toContain(expected);
  });

  it('should open a document without `node` unchanged and keep a chosen Node major', () => {
    const old = { version: 1, client: 'node-fetch', pool: { maxConnections: 12, maxKeepalive: 6 } };
    const parsed = parseScenario(old);
    expect(parsed.ok && 'node' in parsed.scenario).toBe(false);
    const chosen = parseScenario({ ...old, node: '26' });
    expect(chosen.ok && chosen.scenario.node).toBe('26');
    // Node 20 reached end of life in April 2026; the table knows 22, 24 and 26.
    expect(errorsOf({ ...old, node: '20' })).toBe('node: must be "22" or "24" or "26"');
    expect(errorsOf({ ...old, node: 26 })).toMatch(/^node: /);
  });

  it('should refuse documents that are not objects', () => {
    expect(errorsOf(null)).toBe('a scenario must be a JSON object (got null)');
    expect(errorsOf([1])).toBe('a scenario must be a JSON object (got a list)');
  });

  it('should report malformed JSON as an error, not an exception', () => {
    const result = parseScenarioJson('{"version": 1,');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(/^not valid JSON/);
  });

  it('should treat a document without a version as the current version', () => {
    expect(parseScenario({}).ok).toBe(true);
    expect(errorsOf({ version: 'one' })).toContain('version: must be a whole number');
  });
});
