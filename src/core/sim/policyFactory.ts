/**
 * Which policy runs a scenario: its client's pool rules (on Node's fetch, its Node's), generic when
 * it names none. The implementations live with their client families; the registry lists them.
 */
import { POOL_POLICIES, scenarioClient, type PoolRules } from '../clients/registry.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { PoolPolicy } from './policy.ts';
import type { PoolCore } from './pool.ts';

export function rulesFor(s: Scenario): PoolRules {
  return (scenarioClient(s)?.poolRules as PoolRules | undefined) ?? 'generic';
}

export function createPolicy(rules: PoolRules, core: PoolCore): PoolPolicy {
  return POOL_POLICIES[rules](core);
}
