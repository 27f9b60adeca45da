import { describe, expect, it } from 'vitest';
import { ceilClean, computeFormula, defaultScenario, parseScenario, type Scenario, type ScenarioInput } from '../../src/core/index.ts';

function scenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

describe('computeFormula', () => {
  it('should reproduce the worked example: 100 users × 8 s ÷ 30 s → 26.7 → 27 → 30 / 15', () => {
    const result = computeFormula(defaultScenario());
    expect(result.inFlight).toBeCloseTo(26.667, 3);
    expect(result.poolSize).toBe(27);
    expect(result.maxConnections).toBe(30);
    expect(result.maxKeepalive).toBe(15);
    expect(result.keepaliveSec).toBe(120);
    expect(result.steps.map((s) => s.key)).toEqual(['inFlight', 'poolSize', 'maxConnections', 'maxKeepalive', 'keepaliveSec']);
    expect(result.steps[0]?.expression).toBe('100 users × 8 s ÷ 30 s');
  });

  it('should treat load given as a request rate as rate × response time', () => {
    const result = computeFormula(scenario({ workload: { arrival: { kind: 'poisson', perSec: 5 } } }));
    expect(result.inFlight).toBeCloseTo(40, 9);
    expect(result.poolSize).toBe(40);
    expect(result.maxConnections).toBe(44);
    expect(result.maxKeepalive).toBe(22);
  });

  it('should not round 100 × 1.1 up to 111 through floating-point dust', () => {
    expect(100 * 1.1).toBeGreaterThan(110);
    expect(ceilClean(100 * 1.1)).toBe(110);
    const result = computeFormula(scenario({ workload: { arrival: { kind: 'poisson', perSec: 12.5 } } }));
    expect(result.poolSize).toBe(100);
    expect(result.maxConnections).toBe(110);
  });

  it('should never size a pool below one connection', () => {
    const result = computeFormula(scenario({ workload: { arrival: { kind: 'users', users: 1, thinkSec: 3600 } } }));
    expect(result.poolSize).toBe(1);
    expect(result.maxConnections).toBe(2);
    expect(result.maxKeepalive).toBe(1);
  });

  it('should weight response time by class shares', () => {
    const result = computeFormula(
      scenario({
        workload: {
          arrival: { kind: 'poisson', perSec: 10 },
          classes: [
            { name: 'a', share: 1, duration: { dist: 'constant', meanSec: 1 } },
            { name: 'b', share: 3, duration: { dist: 'exponential', meanSec: 5 } },
          ],
        },
      }),
    );
    expect(result.meanResponseSec).toBeCloseTo(4, 9);
    expect(result.inFlight).toBeCloseTo(40, 9);
  });

  it('should show HTTP/2 streams in flight and the sockets they need', () => {
    const result = computeFormula(
      scenario({ workload: { arrival: { kind: 'poisson', perSec: 50 } }, pool: { protocol: 'h2', streamsPerConnection: 100 } }),
    );
    expect(result.poolSize).toBe(400);
    expect(result.h2Connections).toBe(4);
    expect(result.steps.find((s) => s.key === 'h2Connections')?.expression).toBe('⌈400 ÷ 100⌉');
    expect(computeFormula(defaultScenario()).h2Connections).toBeNull();
  });

  it('should honour custom headroom and keep-alive share', () => {
    const result = computeFormula(scenario({ sizing: { headroom: 0.25, keepaliveShare: 0.2 } }));
    expect(result.maxConnections).toBe(34); // ⌈27 × 1.25⌉ = ⌈33.75⌉
    expect(result.maxKeepalive).toBe(7); // ⌈34 × 0.2⌉ = ⌈6.8⌉
  });

  it('should size for the burst, not the average, with bursty arrivals', () => {
    const result = computeFormula(scenario({ workload: { arrival: { kind: 'bursty', perSec: 10, onSec: 5, offSec: 55 } } }));
    expect(result.inFlight).toBeCloseTo(80, 9);
  });

  it('should take the load of a trace from its busy time over its span', () => {
    const result = computeFormula(
      scenario({
        workload: {
          arrival: {
            kind: 'trace',
            rows: [
              [0, 4],
              [1, 4],
              [6, 4],
            ],
          },
        },
      }),
    );
    expect(result.inFlight).toBeCloseTo(12 / 10, 9);
    expect(result.ratePerSec).toBeCloseTo(0.3, 9);
  });

  it('should split the load between pools by the classes routed to them', () => {
    const result = computeFormula(
      scenario({
        workload: {
          arrival: { kind: 'poisson', perSec: 10 },
          classes: [
            { name: 'short', share: 1, duration: { dist: 'constant', meanSec: 1 } },
            { name: 'stream', share: 1, streaming: true, duration: { dist: 'constant', meanSec: 3 }, pool: 'streaming' },
          ],
        },
        pool: { name: 'batch' },
        pools: [{ name: 'streaming' }],
      }),
    );
    expect(result.inFlight).toBeCloseTo(20, 9);
    expect(result.pools.map((p) => [p.pool, Number(p.inFlight.toFixed(9)), p.maxConnections])).toEqual([
      ['batch', 5, 6],
      ['streaming', 15, 17],
    ]);
  });

  it('should give each tenant a share of the load with headroom', () => {
    const result = computeFormula(
      scenario({ workload: { arrival: { kind: 'poisson', perSec: 30 }, classes: [{ name: 'c', share: 1, duration: { dist: 'exponential', meanSec: 4 } }] }, pool: { maxConnections: 200, maxKeepalive: 100, tenants: 20 } }),
    );
    expect(result.perTenantMaxConnections).toBe(7); // ⌈⌈120 ÷ 20⌉ × 1.1⌉ = ⌈6.6⌉
  });

  it('should never produce a non-finite number for any valid extreme input', () => {
    const extremes = [
      { workload: { arrival: { kind: 'users', users: 1_000_000, thinkSec: 0.001 }, classes: [{ name: 'x', share: 1, duration: { dist: 'constant', meanSec: 3600 } }] } },
      { workload: { arrival: { kind: 'poisson', perSec: 0.000001 } } },
      { sizing: { headroom: 0, keepaliveShare: 0 } },
    ] as const;
    for (const input of extremes) {
      const result = computeFormula(scenario(input as Omit<ScenarioInput, 'version'>));
      for (const value of [result.inFlight, result.poolSize, result.maxConnections, result.maxKeepalive, ...result.steps.map((s) => s.value)]) {
        expect(Number.isFinite(value)).toBe(true);
      }
    }
  });
});
