/**
 * Each generic pool rule pinned by a case small enough to work out on paper (or, for tenants, by a
 * queue whose mean wait theory gives exactly), so that breaking the rule fails a test.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/core/index.ts';
import { cheapNetwork, replay, scenario } from './helpers.ts';
import { erlangC } from './theory.ts';

describe('generic pool rules, by hand', () => {
  it('should serve the wait line first in, first out', () => {
    // One connection, three 1 s requests at 0, 0.1 and 0.2 s (set-up 10 ms): the first ends at
    // 1.01 s, the second then waits 0.91 s and ends at 2.01 s, the third waits 1.81 s.
    // Last in, first out would make the second wait 1.91 s instead.
    const r = replay([[0, 1], [0.1, 1], [0.2, 1]], { maxConnections: 1, maxKeepalive: 1 });
    expect(r.queueWaitMs.max).toBeCloseTo(1810, 6);
    expect(r.queueWaitMs.mean).toBeCloseTo((910 + 1810) / 3, 6);
    expect(r.newConnections).toBe(1);
  });

  it('should reuse the most recently idle connection', () => {
    // A ends at 1.01 s, B at 2.01 s; the request at 3 s takes B (idle 0.99 s), not A (idle 1.99 s).
    const r = replay([[0, 1], [0, 2], [3, 0.5]], { maxConnections: 2, maxKeepalive: 2, keepaliveSec: 60 });
    expect(r.idleBeforeReuseSec.count).toBe(1);
    expect(r.idleBeforeReuseSec.mean).toBeCloseTo(0.99, 9);
  });

  it('should let a connection that is still handshaking take HTTP/2 streams', () => {
    // Set-up takes 2 RTT (TCP + TLS 1.3) = 200 ms; the second request, at 50 ms, joins the first
    // connection while it handshakes instead of opening another.
    const r = replay([[0, 1], [0.05, 1]], { protocol: 'h2', maxConnections: 10, maxKeepalive: 10, streamsPerConnection: 100 }, { network: { rttMs: 100, dnsMs: 0, tls: '1.3' } });
    expect(r.newConnections).toBe(1);
    expect(r.queueWaitMs.max).toBe(0);
    expect(r.latencyMs.max).toBeCloseTo(1200, 6); // the first request: 200 ms set-up + 1 s
  });

  it('should close a freed connection beyond maxKeepalive and keep the one already idle', () => {
    // maxKeepalive 1: A goes idle at 1.01 s; B, freed at 2.01 s, closes. The request at 3 s reuses A.
    const r = replay([[0, 1], [0, 2], [3, 0.5]], { maxConnections: 2, maxKeepalive: 1, keepaliveSec: 60 });
    expect(r.clientClosed).toBe(1);
    expect(r.idleBeforeReuseSec.mean).toBeCloseTo(1.99, 9);
  });
});

describe('generic tenant rules', () => {
  const tenantScenario = (perSec: number, maxConnections: number) =>
    scenario({
      network: cheapNetwork(0),
      workload: { arrival: { kind: 'poisson', perSec }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: 1 } }] },
      pool: { maxConnections, maxKeepalive: maxConnections, keepaliveSec: 86_400, tenants: 2, perTenantMaxConnections: 1 },
      sim: { requests: 200_000, seed: 11 },
    });

  it('should hold each tenant to its own cap, as a queue of one server per tenant', () => {
    // Two tenants with a cap of 1 under a roomy global cap: each is an M/M/1 queue at λ/2 = 0.4,
    // mean wait ρ/(μ − λ) = 0.4 / 0.6 s. Without the tenant cap the pool would be one M/M/2 queue.
    const r = simulate(tenantScenario(0.8, 10));
    expect(r.pools[0]!.tenantPeakOpen).toEqual([1, 1]);
    const theory = (erlangC(1, 0.4).meanWait / 1) * 1000;
    // 200,000 requests: the run's mean wait has a standard error near 1 %; 8 % is over 5 of them.
    expect(Math.abs(r.queueWaitMs.mean - theory) / theory).toBeLessThan(0.08);
  });

  it('should share one global connection between tenants without ever idling it while someone waits', () => {
    // Global cap 1: a tenant takes over the other's idle connection, and a freed connection goes to
    // the other tenant's waiting request. The pool then works as one M/M/1 queue at λ = 0.5 (any
    // work-conserving order gives the same mean wait): 1 s. Without take-over or hand-over, a
    // tenant's requests wait while the connection sits idle, and the mean wait grows without bound.
    const r = simulate(tenantScenario(0.5, 1));
    expect(r.peakActive).toBe(1);
    const theory = erlangC(1, 0.5).meanWait * 1000;
    expect(Math.abs(r.queueWaitMs.mean - theory) / theory).toBeLessThan(0.08);
  });
});
