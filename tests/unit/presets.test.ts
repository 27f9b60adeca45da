import { describe, expect, it } from 'vitest';
import { computeFormula, findPreset, parseScenario, PRESETS, presetScenario } from '../../src/core/index.ts';

describe('presets', () => {
  it('should offer the five presets of the article, each with a note on where its numbers come from', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(['chat-app', 'cli-tool', 'backend-api', 'batch', 'multi-tenant']);
    for (const preset of PRESETS) {
      expect(preset.note.length).toBeGreaterThan(40);
      expect(preset.scenario.preset).toBe(preset.id);
    }
  });

  it('should round-trip every preset through validation unchanged', () => {
    for (const preset of PRESETS) {
      const result = parseScenario(JSON.parse(JSON.stringify(preset.scenario)));
      expect(result.ok && result.scenario).toEqual(preset.scenario);
    }
  });

  it('should set the chat app to the worked example and its formula to 27 → 30 / 15', () => {
    const s = presetScenario('chat-app')!;
    expect(s.workload.arrival).toMatchObject({ kind: 'users', users: 100, thinkSec: 30 });
    expect(s.pool).toMatchObject({ maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120, protocol: 'h1' });
    const f = computeFormula(s);
    expect([f.poolSize, f.maxConnections, f.maxKeepalive]).toEqual([27, 30, 15]);
  });

  it('should set the CLI tool to 5 connections and 30 s keep-alive', () => {
    expect(presetScenario('cli-tool')!.pool).toMatchObject({ maxConnections: 5, keepaliveSec: 30 });
  });

  it('should set the backend API to 30 connections, 120 s keep-alive and HTTP/2 at 10–50 RPS', () => {
    const s = presetScenario('backend-api')!;
    expect(s.pool).toMatchObject({ maxConnections: 30, keepaliveSec: 120, protocol: 'h2' });
    expect(s.workload.arrival.kind === 'poisson' && s.workload.arrival.perSec).toBeGreaterThanOrEqual(10);
    expect(s.workload.arrival.kind === 'poisson' && s.workload.arrival.perSec).toBeLessThanOrEqual(50);
    // The assumed workload must fit the article's pool: the formula's answer stays within 30.
    expect(computeFormula(s).maxConnections).toBeLessThanOrEqual(30);
  });

  it('should set high-throughput batch to 80 connections, 60 s keep-alive and a separate streaming pool', () => {
    const s = presetScenario('batch')!;
    expect(s.pool).toMatchObject({ maxConnections: 80, keepaliveSec: 60 });
    expect(s.workload.arrival.kind === 'poisson' && s.workload.arrival.perSec).toBeGreaterThanOrEqual(100);
    expect(s.pools.map((p) => p.name)).toEqual(['streaming']);
    const streamingClasses = s.workload.classes.filter((c) => c.streaming);
    expect(streamingClasses.length).toBeGreaterThan(0);
    expect(streamingClasses.every((c) => c.pool === 'streaming')).toBe(true);
    const pools = computeFormula(s).pools;
    expect(pools.find((p) => p.pool === 'batch')!.maxConnections).toBeLessThanOrEqual(80);
    expect(pools.find((p) => p.pool === 'streaming')!.maxConnections).toBeLessThanOrEqual(40);
  });

  it('should set multi-tenant SaaS to 10 connections per tenant under a global 200', () => {
    const s = presetScenario('multi-tenant')!;
    expect(s.pool).toMatchObject({ maxConnections: 200, perTenantMaxConnections: 10 });
    expect(s.pool.tenants).toBeGreaterThan(1);
    expect(computeFormula(s).perTenantMaxConnections).toBeLessThanOrEqual(10);
  });

  it('should hand out copies, so editing one never changes the preset table', () => {
    const copy = presetScenario('chat-app')!;
    copy.pool.maxConnections = 999;
    expect(findPreset('chat-app')!.scenario.pool.maxConnections).toBe(30);
    expect(presetScenario('no-such-preset')).toBeUndefined();
  });
});
