/**
 * The global cap's eviction rule (pool.ts tryOpen): a tenant blocked only by the pool's global cap
 * closes another tenant's idle connection, the one idle longest, and opens its own. Driven on the
 * pool core directly, so which connection goes is visible without traffic in between.
 */
import { describe, expect, it } from 'vitest';
import { DnsCache } from '../../../src/core/sim/network.ts';
import { EventHeap } from '../../../src/core/sim/heap.ts';
import { createPolicy } from '../../../src/core/sim/policyFactory.ts';
import { PoolCore } from '../../../src/core/sim/pool.ts';
import { PathModel } from '../../../src/core/sim/path.ts';
import { Recorder } from '../../../src/core/sim/recorder.ts';
import { WorkBound } from '../../../src/core/sim/workBound.ts';
import { cheapNetwork, scenario } from './helpers.ts';

function threeTenantsUnderCapOfTwo(): PoolCore {
  const s = scenario({
    network: cheapNetwork(),
    workload: { arrival: { kind: 'poisson', perSec: 1 } },
    pool: { maxConnections: 2, maxKeepalive: 2, keepaliveSec: 3600, tenants: 3, perTenantMaxConnections: 1 },
  });
  const core = new PoolCore(s, new EventHeap(), new Recorder(s, 10, 100), new DnsCache(s), new WorkBound(1_000_000), new PathModel(s));
  core.usePolicy(createPolicy('generic', core));
  return core;
}

describe('tenant eviction under the global cap', () => {
  it('should close the other tenant’s connection idle longest, whichever tenant went idle first', () => {
    for (const [first, second] of [
      [0, 1],
      [1, 0],
    ] as const) {
      const core = threeTenantsUnderCapOfTwo();
      const [a, b, c] = core.groups as [(typeof core.groups)[number], (typeof core.groups)[number], (typeof core.groups)[number]];
      const byId = [a, b];
      const ca = core.open(a, 0, false);
      const cb = core.open(b, 0, false);
      // Tenant `first` went idle at 1 s, tenant `second` at 2 s; the pool is at its cap of 2.
      core.keepIdle(first === 0 ? ca : cb, byId[first]!, 1);
      core.keepIdle(second === 0 ? ca : cb, byId[second]!, 2);
      const opened = core.tryOpen(c, 3, false);
      expect(opened).toBeGreaterThanOrEqual(0);
      expect(byId[first]!.idle.size).toBe(0);
      expect(byId[first]!.open).toBe(0);
      expect(byId[second]!.idle.size).toBe(1);
      expect(c.open).toBe(1);
      expect(core.totalIdle).toBe(1);
    }
  });
});
