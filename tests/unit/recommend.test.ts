import { describe, expect, it } from 'vitest';
import { computeFormula, estimatedSize, parseScenario, probeScenario, recommendForTarget, simulate, targetValue, type ScenarioInput } from '../../src/core/index.ts';
import { erlangC } from './sim/theory.ts';

const scenario = (input: Omit<ScenarioInput, 'version'>) => {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
};

describe('recommendForTarget', () => {
  it('should find the smallest pool meeting P(wait) ≤ 1 % within one connection of Erlang C', () => {
    const a = 20; // 20 req/s × 1 s
    const s = scenario({
      workload: { arrival: { kind: 'poisson', perSec: a }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: 1 } }] },
      network: { rttMs: 0, dnsMs: 0, tls: 'none' },
      pool: { keepaliveSec: 86_400 },
      target: { metric: 'pWait', value: 0.01 },
      sim: { requests: 200_000, seed: 3 },
    });
    let exact = a + 1;
    while (erlangC(exact, a).pWait > 0.01) exact++;
    const rec = recommendForTarget(s);
    expect(rec.met).toBe(true);
    expect(Math.abs(rec.maxConnections - exact)).toBeLessThanOrEqual(1);
    // An open stream needs more than the formula's 10 % headroom over the mean here.
    expect(rec.maxConnections).toBeGreaterThan(computeFormula(s).maxConnections);
    expect(rec.explanation).toMatch(/more than the formula/);
  });

  it('should recommend fewer connections than the formula for closed users with a loose target', () => {
    const rec = recommendForTarget(scenario({ target: { metric: 'p99QueueWaitMs', value: 2000 } }));
    expect(rec.met).toBe(true);
    expect(rec.maxConnections).toBeLessThan(30);
    expect(rec.maxKeepalive).toBe(Math.ceil(rec.maxConnections / 2));
    expect(rec.explanation).toMatch(/fewer than the formula/);
  });
});

describe('where the target search starts', () => {
  const mmc = (metric: 'pWait' | 'p99QueueWaitMs', value: number) =>
    scenario({
      workload: { arrival: { kind: 'poisson', perSec: 20 }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: 1 } }] },
      network: { rttMs: 0, dnsMs: 0, tls: 'none' },
      pool: { keepaliveSec: 86_400 },
      target: { metric, value },
      sim: { requests: 200_000, seed: 3 },
    });

  it('should estimate an M/M/c pool by Erlang C, for P(wait) and for the p99 wait', () => {
    let exact = 21;
    while (erlangC(exact, 20).pWait > 0.01) exact++;
    expect(estimatedSize(mmc('pWait', 0.01))).toBe(exact);
    // P(W > t) = C(c, a) e^{−(c−a)t/S}: the smallest c with P(W > 0.2 s) ≤ 1 %.
    let tail = 21;
    while (erlangC(tail, 20).pWait * Math.exp(-(tail - 20) * 0.2) > 0.01) tail++;
    expect(estimatedSize(mmc('p99QueueWaitMs', 200))).toBe(tail);
  });

  it('should give no estimate where Erlang C does not describe the pool', () => {
    const s = mmc('pWait', 0.01);
    expect(estimatedSize({ ...s, client: 'undici7', pool: { ...s.pool, protocol: 'h2' } })).toBeNull();
    // The generic rules carry streamsPerConnection streams on each HTTP/2 connection.
    expect(estimatedSize({ ...s, pool: { ...s.pool, protocol: 'h2', streamsPerConnection: 10 } })).toBe(Math.ceil(estimatedSize(s)! / 10));
    expect(estimatedSize({ ...s, pool: { ...s.pool, tenants: 3 } })).toBeNull();
    expect(estimatedSize({ ...s, workload: { ...s.workload, arrival: { kind: 'trace', rows: [[0, 1]] } } })).toBeNull();
  });

  it('should never estimate more connections than a closed population has users', () => {
    expect(estimatedSize(scenario({ workload: { arrival: { kind: 'users', users: 1, thinkSec: 30 } } }))).toBe(1);
  });

  it.each([
    ['an exact estimate', mmc('pWait', 0.01)],
    ['an estimate too high (closed users)', scenario({ target: { metric: 'p99QueueWaitMs', value: 500 }, sim: { requests: 20_000 } })],
    ['an estimate too low (lognormal tail)', scenario({ workload: { arrival: { kind: 'poisson', perSec: 10 }, classes: [{ name: 'x', share: 1, duration: { dist: 'lognormal', meanSec: 1, p95Sec: 3.5 } }] }, sim: { requests: 20_000 } })],
    ['an HTTP/2 estimate', scenario({ pool: { protocol: 'h2', streamsPerConnection: 4 }, sim: { requests: 20_000 } })],
    ['no estimate (undici 7 over HTTP/2)', scenario({ client: 'undici7', pool: { protocol: 'h2', streamsPerConnection: 4 }, sim: { requests: 20_000 } })],
  ])('should end on a size that meets the target one connection above one that does not, from %s', (_from, s) => {
    const rec = recommendForTarget(s);
    expect(rec.met).toBe(true);
    const value = (n: number) => rec.probes.find(([size]) => size === n)?.[1];
    expect(value(rec.maxConnections)).toBe(rec.achieved);
    if (rec.maxConnections > 1) expect(value(rec.maxConnections - 1)).toBeGreaterThan(s.target.value);
  });
});

describe('a target the per-tenant cap puts out of reach', () => {
  it('should stop at tenants × per-tenant cap, where a larger global cap runs the same pool', () => {
    const s = scenario({
      workload: { arrival: { kind: 'poisson', perSec: 30 }, classes: [{ name: 't', share: 1, streaming: true, duration: { dist: 'exponential', meanSec: 4 } }] },
      pool: { maxConnections: 200, maxKeepalive: 100, tenants: 20, perTenantMaxConnections: 10 },
      sim: { requests: 20_000 },
    });
    const rec = recommendForTarget(s);
    expect(rec.met).toBe(false);
    expect(rec.maxConnections).toBe(200);
    expect(rec.explanation).toMatch(/each tenant is capped at 10 connections/);
    expect(targetValue(simulate(probeScenario(s, 400)), s.target)).toBe(rec.achieved);
  });
});
