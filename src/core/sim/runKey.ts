/**
 * The key of a run: equal for scenarios the simulator cannot tell apart. The scenario's key without
 * the fields the engine never reads — the preset label, the target, the sizing rules and the
 * endpoint — so an edit of the target or the headroom finds the pools it probes already simulated.
 * (Sizing still reaches runs through the pools a proposal writes, which are in the key.)
 * tests/unit/sim/runKey.test.ts checks that changing those fields leaves every result unchanged.
 */
import { scenarioKey } from '../scenario/key.ts';
import type { Scenario } from '../scenario/schema.ts';

export function runKey(s: Scenario): string {
  const { preset: _preset, target: _target, sizing: _sizing, endpoint: _endpoint, ...read } = s;
  return scenarioKey(read);
}
