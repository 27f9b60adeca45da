import { parseScenario, SCENARIO_VERSION, simulate, type Scenario, type ScenarioInput, type SimResult } from '../../../src/core/index.ts';

export function scenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const result = parseScenario({ version: SCENARIO_VERSION, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** No DNS, no TLS; `rttMs` alone sets the cost of a new connection (one round trip for TCP). */
export const cheapNetwork = (rttMs = 10) => ({ rttMs, dnsMs: 0, tls: 'none' as const });

/**
 * A hand-checkable run: the given [start s, duration s] requests, all measured, on the given pool.
 * Every figure of its result can be worked out on paper.
 */
export function replay(rows: [number, number][], pool: ScenarioInput['pool'], extra: Omit<ScenarioInput, 'version' | 'workload' | 'pool' | 'sim'> = {}): SimResult {
  return simulate(
    scenario({
      network: cheapNetwork(),
      ...extra,
      workload: { arrival: { kind: 'trace', rows } },
      pool,
      sim: { requests: 100, warmupShare: 0 },
    }),
  );
}
