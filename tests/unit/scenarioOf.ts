import { parseScenario, type Scenario, type ScenarioInput } from '../../src/core/index.ts';

/** A valid scenario from a partial document, or a test failure naming what the schema refused. */
export function scenarioOf(input: Omit<ScenarioInput, 'version'>): Scenario {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}
