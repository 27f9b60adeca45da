import { describe, expect, it } from 'vitest';
import { defaultScenario, parseScenario, proposalStamp, scenarioKey, type Scenario } from '../../src/core/index.ts';

function traceScenario(rows: [number, number][]): Scenario {
  const parsed = parseScenario({ version: 1, workload: { arrival: { kind: 'trace', rows } } });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}
const rows = (): [number, number][] => Array.from({ length: 1_000 }, (_, i) => [i * 0.25, 1 + (i % 9) / 3]);

describe('scenario keys', () => {
  it('should be equal for equal scenarios, traces read in separately', () => {
    expect(scenarioKey(traceScenario(rows()))).toBe(scenarioKey(traceScenario(rows())));
    expect(scenarioKey(defaultScenario())).toBe(JSON.stringify(defaultScenario()));
  });

  it('should differ when one value of one row differs, or a row is added', () => {
    const base = scenarioKey(traceScenario(rows()));
    const nudged = rows();
    nudged[617] = [nudged[617]![0], nudged[617]![1] + 0.001];
    expect(scenarioKey(traceScenario(nudged))).not.toBe(base);
    const swapped = rows();
    swapped[3] = [swapped[3]![1], swapped[3]![0]];
    expect(scenarioKey(traceScenario(swapped))).not.toBe(base);
    expect(scenarioKey(traceScenario([...rows(), [300, 1]]))).not.toBe(base);
  });

  it('should differ when anything outside the trace differs', () => {
    const a = traceScenario(rows());
    expect(scenarioKey({ ...a, pool: { ...a.pool, maxConnections: a.pool.maxConnections + 1 } })).not.toBe(scenarioKey(a));
  });

  it('should stand a trace in for its rows, so a stamp stays short', () => {
    const stamp = proposalStamp(traceScenario(rows()));
    expect(stamp).toMatch(/"rows":"trace:1000:[0-9a-f]+"/);
    expect(stamp.length).toBeLessThan(2_000);
  });
});
