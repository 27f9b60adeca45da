/** The target search simulates with the scenario's client, so its answer follows that client's pool rules. */
import { describe, expect, it } from 'vitest';
import { recommendForTarget } from '../../../src/core/index.ts';
import { scenario } from './helpers.ts';

describe('target search per client', () => {
  it('should size HTTP/2 for undici 7 (one POST per connection) far above undici 8 (multiplexed)', () => {
    const base = {
      network: { rttMs: 40, dnsMs: 0, tls: '1.3' as const },
      workload: { arrival: { kind: 'poisson' as const, perSec: 20 }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential' as const, meanSec: 1 } }] },
      pool: { protocol: 'h2' as const, maxConnections: 10, maxKeepalive: 5, streamsPerConnection: 100 },
      target: { metric: 'pWait' as const, value: 0.05 },
      sim: { requests: 20_000 },
    };
    const v7 = recommendForTarget(scenario({ ...base, client: 'undici7' }));
    const v8 = recommendForTarget(scenario({ ...base, client: 'undici' }));
    // 20 requests/s × 1 s: undici 7 needs about 20 + a margin of connections (Erlang C gives 27 for
    // 5 % waiting); undici 8 carries them all as streams on one or two.
    expect(v7.met).toBe(true);
    expect(v8.met).toBe(true);
    expect(v7.maxConnections).toBeGreaterThanOrEqual(24);
    expect(v8.maxConnections).toBeLessThanOrEqual(2);
  });
});
