import { beforeEach, describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/core/index.ts';
import { useAppStore } from '../../src/store/index.ts';
import { selectFormula } from '../../src/store/selectors.ts';

describe('scenario store', () => {
  beforeEach(() => useAppStore.getState().replaceScenario(defaultScenario()));

  it('should update the result as a field is edited', () => {
    useAppStore.getState().editNumber('workload.arrival.users', '200');
    expect(selectFormula(useAppStore.getState()).poolSize).toBe(54);
  });

  it.each([
    ['empty', '', 'enter a number'],
    ['not a number', 'abc', '“abc” is not a number'],
    ['negative', '-3', 'must be at least 1'],
    ['absurdly large', '1e9', 'must be at most 1000000'],
  ])('should keep the last valid result when the input is %s', (_what, raw, message) => {
    const { editNumber } = useAppStore.getState();
    editNumber('workload.arrival.users', '50');
    editNumber('workload.arrival.users', raw);
    const state = useAppStore.getState();
    expect(state.fieldErrors['workload.arrival.users']).toBe(message);
    expect(state.drafts['workload.arrival.users']).toBe(raw);
    expect(state.scenario.workload.arrival).toMatchObject({ users: 50 });
    expect(selectFormula(state).poolSize).toBe(14);
  });

  it('should refuse a zero interval with a message on that field', () => {
    useAppStore.getState().editNumber('workload.arrival.thinkSec', '0');
    expect(useAppStore.getState().fieldErrors['workload.arrival.thinkSec']).toBe('must be greater than 0');
    expect(selectFormula(useAppStore.getState()).poolSize).toBe(27);
  });

  it('should convert percentages to fractions', () => {
    useAppStore.getState().editNumber('sizing.headroom', '25', 100);
    expect(useAppStore.getState().scenario.sizing.headroom).toBe(0.25);
  });

  it('should keep a half-typed number as typed and drop the draft on blur', () => {
    const { editNumber, blurField } = useAppStore.getState();
    editNumber('workload.arrival.thinkSec', '1.');
    expect(useAppStore.getState().drafts['workload.arrival.thinkSec']).toBe('1.');
    blurField('workload.arrival.thinkSec');
    expect(useAppStore.getState().drafts['workload.arrival.thinkSec']).toBeUndefined();
  });

  it('should fill the inputs from a preset and allow edits afterwards', () => {
    const { applyPreset } = useAppStore.getState();
    applyPreset('cli-tool');
    expect(useAppStore.getState().scenario.pool.maxConnections).toBe(5);
    useAppStore.getState().editNumber('pool.maxConnections', '7');
    expect(useAppStore.getState().scenario.pool.maxConnections).toBe(7);
  });
});

describe('scenario store linked caps', () => {
  beforeEach(() => useAppStore.getState().replaceScenario(defaultScenario()));

  it('should bring maxKeepalive down with maxConnections instead of refusing the edit', () => {
    useAppStore.getState().editNumber('pool.maxConnections', '12');
    const { scenario, fieldErrors } = useAppStore.getState();
    expect(fieldErrors).toEqual({});
    expect(scenario.pool).toMatchObject({ maxConnections: 12, maxKeepalive: 12 });
  });

  it('should still refuse a maxKeepalive typed above maxConnections', () => {
    useAppStore.getState().editNumber('pool.maxKeepalive', '31');
    expect(useAppStore.getState().fieldErrors['pool.maxKeepalive']).toBe('must not exceed maxConnections (30)');
  });
});
