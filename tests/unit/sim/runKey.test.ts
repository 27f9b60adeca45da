import { describe, expect, it } from 'vitest';
import { PRESETS, runKey, simulate, simResultToJson, withRequests, type Scenario } from '../../../src/core/index.ts';

/** The fields runKey leaves out, each changed to a value unlike the preset's. */
const unread = (s: Scenario): Scenario => ({
  ...s,
  preset: 'another',
  target: { metric: 'pWait', value: 0.3 },
  sizing: { headroom: 2, keepaliveShare: 0.1 },
  endpoint: { provider: 'openai', baseUrl: 'http://127.0.0.1:9', apiKeyEnv: 'OTHER_KEY' },
});

describe('the run key', () => {
  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))('should leave out only what the simulator never reads (%s)', (_id, preset) => {
    const s = withRequests(preset, 5_000);
    expect(runKey(unread(s))).toBe(runKey(s));
    expect(JSON.stringify(simResultToJson(simulate(unread(s))))).toBe(JSON.stringify(simResultToJson(simulate(s))));
  });

  it('should tell apart scenarios the simulator runs differently', () => {
    const s = PRESETS[0]!.scenario;
    expect(runKey({ ...s, pool: { ...s.pool, maxConnections: 31 } })).not.toBe(runKey(s));
    expect(runKey({ ...s, client: 'httpx' })).not.toBe(runKey(s));
    expect(runKey({ ...s, sim: { ...s.sim, seed: 2 } })).not.toBe(runKey(s));
  });
});
