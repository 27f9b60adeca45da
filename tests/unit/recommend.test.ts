import { describe, expect, it } from 'vitest';
import { computeFormula, parseScenario, recommendForTarget, type ScenarioInput } from '../../src/core/index.ts';
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
