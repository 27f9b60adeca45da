/** fast-check generators of valid scenarios, shared by the link and snippet property tests. */
import fc from 'fast-check';
import { CLIENT_IDS, NODE_MAJORS, parseScenario, PROVIDER_IDS, type Scenario } from '../../src/core/index.ts';

/** Printable strings that are hostile in generated code: quotes, backticks, ${, braces, comment ends, unicode. */
export const hostileName = fc
  .array(fc.oneof(fc.constantFrom('"', "'", '`', '${', '{', '}', '\\', '*/', '/*', '"""', "'''", '#', '<script>', '\u2028', '\u2029', 'é', '😀', '</'), fc.string({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join('').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 60))
  .filter((s) => s.length > 0);

const duration = fc.oneof(
  fc.record({ dist: fc.constant('exponential' as const), meanSec: fc.double({ min: 0.01, max: 600, noNaN: true }) }),
  fc.record({ dist: fc.constant('constant' as const), meanSec: fc.double({ min: 0.01, max: 600, noNaN: true }) }),
  fc.double({ min: 0.05, max: 300, noNaN: true }).chain((meanSec) =>
    fc.double({ min: 1.05, max: 3.8, noNaN: true }).map((ratio) => ({ dist: 'lognormal' as const, meanSec, p95Sec: meanSec * ratio })),
  ),
);

export const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    arrival: fc.oneof(
      fc.record({ kind: fc.constant('users' as const), users: fc.integer({ min: 1, max: 100_000 }), thinkSec: fc.double({ min: 0.1, max: 3600, noNaN: true }), thinkDist: fc.constantFrom('exponential' as const, 'constant' as const) }),
      fc.record({ kind: fc.constant('poisson' as const), perSec: fc.double({ min: 0.001, max: 10_000, noNaN: true }) }),
      fc.record({ kind: fc.constant('bursty' as const), perSec: fc.double({ min: 0.01, max: 1000, noNaN: true }), onSec: fc.double({ min: 0.5, max: 600, noNaN: true }), offSec: fc.double({ min: 0, max: 600, noNaN: true }) }),
    ),
    classes: fc.array(fc.record({ name: hostileName, share: fc.double({ min: 0.01, max: 10, noNaN: true }), streaming: fc.boolean(), duration }), { minLength: 1, maxLength: 3 }),
    split: fc.boolean(),
    poolName: hostileName,
    extraName: hostileName,
    protocol: fc.constantFrom('h1' as const, 'h2' as const),
    maxConnections: fc.integer({ min: 1, max: 500 }),
    keepShare: fc.double({ min: 0, max: 1, noNaN: true }),
    keepaliveSec: fc.integer({ min: 0, max: 600 }),
    tls: fc.constantFrom('1.2' as const, '1.3' as const, 'none' as const),
    rttMs: fc.integer({ min: 0, max: 500 }),
    seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
    apiKeyEnv: fc.constantFrom('ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'MY_KEY_2'),
    baseUrl: fc.constantFrom('https://api.anthropic.com', 'https://api.openai.com/v1', 'http://127.0.0.1:8080'),
    provider: fc.option(fc.constantFrom(...PROVIDER_IDS), { nil: undefined }),
    client: fc.option(fc.constantFrom(...CLIENT_IDS), { nil: undefined }),
    node: fc.option(fc.constantFrom(...NODE_MAJORS), { nil: undefined }),
    requestsPerMinute: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
  })
  .map((r) => {
    const extra = r.extraName === r.poolName ? `${r.extraName}-2`.slice(-60) : r.extraName;
    const split = r.split && r.classes.length > 1;
    const input = {
      version: 1,
      workload: { arrival: r.arrival, classes: r.classes.map((c, i) => (split && i === r.classes.length - 1 ? { ...c, pool: extra } : c)) },
      network: { rttMs: r.rttMs, tls: r.tls },
      pool: { name: r.poolName, protocol: r.protocol, maxConnections: r.maxConnections, maxKeepalive: Math.floor(r.maxConnections * r.keepShare), keepaliveSec: r.keepaliveSec },
      pools: split ? [{ name: extra, maxConnections: r.maxConnections, maxKeepalive: 1 }] : [],
      endpoint: { baseUrl: r.baseUrl, apiKeyEnv: r.apiKeyEnv, ...(r.provider ? { provider: r.provider } : {}) },
      ...(r.client ? { client: r.client } : {}),
      ...(r.node ? { node: r.node } : {}),
      ...(r.requestsPerMinute ? { rateLimit: { requestsPerMinute: r.requestsPerMinute, simulate: r.split } } : {}),
      sim: { seed: r.seed },
    };
    const parsed = parseScenario(input);
    if (!parsed.ok) throw new Error(`arbitrary made an invalid scenario: ${JSON.stringify(parsed.errors)}`);
    return parsed.scenario;
  });
