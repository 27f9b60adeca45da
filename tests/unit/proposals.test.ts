import { beforeEach, describe, expect, it } from 'vitest';
import {
  applyProposal,
  defaultScenario,
  formulaProposal,
  isApplied,
  isCurrent,
  parseScenario,
  presetScenario,
  probeScenario,
  scenarioKey,
  proposalStamp,
  targetProposal,
  type Scenario,
} from '../../src/core/index.ts';
import { scenarioOf } from './scenarioOf.ts';
import { useAppStore } from '../../src/store/index.ts';


describe('formulaProposal', () => {
  it('should propose the worked example’s 30 connections, 15 kept warm and 120 s keep-alive', () => {
    expect(formulaProposal(defaultScenario()).pools).toEqual([{ name: 'shared', maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120 }]);
  });

  it('should keep every connection warm for httpx 0.28, whose pool closes idle ones while all open ones exceed the cap', () => {
    expect(formulaProposal(scenarioOf({ client: 'httpx' })).pools[0]).toMatchObject({ maxConnections: 30, maxKeepalive: 30 });
    expect(formulaProposal(scenarioOf({ client: 'httpx2' })).pools[0]).toMatchObject({ maxConnections: 30, maxKeepalive: 15 });
  });

  it('should propose a keep-alive that outlasts the gaps between a user’s requests, below the server’s idle timeout', () => {
    const cli = scenarioOf({ workload: { arrival: { kind: 'users', users: 1, thinkSec: 30 } }, pool: { maxConnections: 5, maxKeepalive: 3, keepaliveSec: 5 } });
    expect(formulaProposal(cli).pools[0]!.keepaliveSec).toBe(90);
    const behindLb = scenarioOf({ network: { middleboxes: [{ kind: 'server', idleSec: 60 }] }, workload: { arrival: { kind: 'users', users: 1, thinkSec: 30 } } });
    expect(formulaProposal(behindLb).pools[0]!.keepaliveSec).toBe(55);
  });

  it('should size every pool of a split scenario and the per-tenant cap', () => {
    expect(formulaProposal(presetScenario('batch')!).pools.map((p) => p.name)).toEqual(['batch', 'streaming']);
    expect(formulaProposal(presetScenario('multi-tenant')!).pools[0]!.perTenantMaxConnections).toBeGreaterThan(0);
  });
});

describe('applyProposal', () => {
  it('should write connections, kept idle and keep-alive into every pool', () => {
    const s = presetScenario('batch')!;
    const proposal = formulaProposal(s);
    const applied = applyProposal(s, proposal);
    expect(isApplied(proposal, applied)).toBe(true);
    expect(isApplied(proposal, s)).toBe(false);
    expect(parseScenario(applied).ok).toBe(true);
    [applied.pool, ...applied.pools].forEach((pool, i) => {
      const p = proposal.pools[i]!;
      expect(pool).toMatchObject({ maxConnections: p.maxConnections, maxKeepalive: p.maxKeepalive, keepaliveSec: p.keepaliveSec });
    });
  });

  it('should apply the target search’s size to the main pool and leave the others as they were searched with', () => {
    const s = presetScenario('batch')!;
    const proposal = targetProposal(s, { maxConnections: 77, maxKeepalive: 39, keepaliveSec: 60, met: true, achieved: 0, explanation: '', probes: [] })!;
    expect(proposal.pools[0]).toMatchObject({ maxConnections: 77, maxKeepalive: 39 });
    expect(proposal.pools[1]).toMatchObject({ name: 'streaming', maxConnections: s.pools[0]!.maxConnections, maxKeepalive: s.pools[0]!.maxKeepalive });
    // The applied proposal is the very pool the search probed at that size.
    expect(scenarioKey(applyProposal(s, proposal))).toBe(scenarioKey(probeScenario(s, 77)));
    expect(targetProposal(s, { maxConnections: 77, maxKeepalive: 39, keepaliveSec: 60, met: false, achieved: 1, explanation: '', probes: [] })).toBeNull();
  });
});

describe('proposal stamps', () => {
  it('should stay current when only the fields it writes change, and go stale on any other edit', () => {
    const s = defaultScenario();
    const proposal = formulaProposal(s);
    expect(isCurrent(proposal, applyProposal(s, proposal))).toBe(true);
    expect(isCurrent(proposal, { ...s, pool: { ...s.pool, maxConnections: 7, maxKeepalive: 7 } })).toBe(true);
    expect(isCurrent(proposal, { ...s, workload: { ...s.workload, arrival: { kind: 'users', users: 101, thinkSec: 30, thinkDist: 'exponential' } } })).toBe(false);
    expect(isCurrent(proposal, { ...s, pool: { ...s.pool, protocol: 'h2' } })).toBe(false);
    expect(proposalStamp(s)).not.toContain('"maxConnections"');
  });
});

describe('store: applying proposals', () => {
  beforeEach(() => useAppStore.getState().replaceScenario(defaultScenario()));

  it('should write a current proposal into the pool fields', () => {
    const state = useAppStore.getState();
    state.editNumber('pool.maxConnections', '7');
    const proposal = formulaProposal(useAppStore.getState().scenario);
    expect(useAppStore.getState().applyProposal(proposal)).toBe(true);
    expect(useAppStore.getState().scenario.pool).toMatchObject({ maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120 });
  });

  it('should refuse a proposal computed before the scenario changed', () => {
    const stale = formulaProposal(useAppStore.getState().scenario);
    useAppStore.getState().editNumber('workload.arrival.users', '200');
    expect(useAppStore.getState().applyProposal(stale)).toBe(false);
    expect(useAppStore.getState().scenario.pool.maxConnections).toBe(30);
  });

  it('should let the provider move the base URL and key variable only while they are still its defaults', () => {
    const { setProvider, editText } = useAppStore.getState();
    setProvider('openai');
    expect(useAppStore.getState().scenario.endpoint).toEqual({ provider: 'openai', baseUrl: 'https://api.openai.com', apiKeyEnv: 'OPENAI_API_KEY' });
    editText('endpoint.baseUrl', 'https://gateway.example.com/openai');
    setProvider('anthropic');
    expect(useAppStore.getState().scenario.endpoint).toEqual({ provider: 'anthropic', baseUrl: 'https://gateway.example.com/openai', apiKeyEnv: 'ANTHROPIC_API_KEY' });
  });

  it('should keep classes routed to a pool when the pool is renamed', () => {
    useAppStore.getState().replaceScenario(presetScenario('batch')!);
    useAppStore.getState().editText('pools[0].name', 'streams');
    const { scenario, fieldErrors } = useAppStore.getState();
    expect(fieldErrors).toEqual({});
    expect(scenario.workload.classes[1]!.pool).toBe('streams');
  });

  it('should speak in the field’s units when refusing a value', () => {
    useAppStore.getState().editNumber('sizing.headroom', '1001', 100, '%');
    expect(useAppStore.getState().fieldErrors['sizing.headroom']).toBe('must be at most 1,000 %');
    useAppStore.getState().editNumber('workload.arrival.thinkSec', '0', 1, 's');
    expect(useAppStore.getState().fieldErrors['workload.arrival.thinkSec']).toBe('must be greater than 0 s');
    // A count noun is not glued to the number: never "at least 1 users".
    useAppStore.getState().editNumber('workload.arrival.users', '0', 1, 'users');
    expect(useAppStore.getState().fieldErrors['workload.arrival.users']).toBe('must be at least 1');
  });
});
