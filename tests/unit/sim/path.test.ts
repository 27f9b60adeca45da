/**
 * The path between client and API (sim/path.ts), on runs worked out by hand: one request at a time
 * on a loopback-cheap network (10 ms round trip, no TLS), so every count and latency follows from
 * the hop's limit, its behaviour, the read timeout and the retry rule.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, simulate, type ScenarioInput } from '../../../src/core/index.ts';
import { replay, scenario } from './helpers.ts';

type Hops = NonNullable<NonNullable<ScenarioInput['network']>['middleboxes']>;
const rtt = 0.01;
const net = (middleboxes: Hops) => ({ network: { rttMs: 10, dnsMs: 0, tls: 'none' as const, middleboxes } });
const pool = (extra: ScenarioInput['pool'] = {}) => ({ maxConnections: 4, maxKeepalive: 4, keepaliveSec: 3600, ...extra });

describe('the path between client and API', () => {
  it('should leave every new figure at zero without a middlebox, for every preset', () => {
    for (const preset of PRESETS) {
      const r = simulate({ ...preset.scenario, sim: { ...preset.scenario.sim, requests: 2_000 } });
      expect([r.staleReuse, r.hungRequests, r.retries, r.failedRequests, r.pathClosed]).toEqual([0, 0, 0, 0, 0]);
    }
  });

  it('should drop a connection a FIN hop closed while idle, so the next request pays a handshake and nothing fails', () => {
    const rows: [number, number][] = [[0, 1], [100, 1], [200, 1], [300, 1]];
    const r = replay(rows, pool(), net([{ kind: 'custom', idleSec: 50, onIdle: 'fin' }]));
    expect(r.newConnections).toBe(4);
    expect(r.reuseRate).toBe(0);
    expect(r.pathClosed).toBeGreaterThanOrEqual(3);
    expect([r.staleReuse, r.failedRequests, r.retries]).toEqual([0, 0, 0]);
  });

  it('should reuse as before when the pauses are shorter than the hop’s limit', () => {
    const r = replay([[0, 1], [30, 1], [60, 1]], pool(), net([{ kind: 'aws-alb' }]));
    expect(r.newConnections).toBe(1);
    expect([r.staleReuse, r.failedRequests, r.pathClosed]).toEqual([0, 0, 0]);
  });

  it('should fail a request sent as the FIN hop closes its connection, one round trip later, on a client that does not retry', () => {
    // Idle from 1.01 s (set-up + 1 s) to 51.012 s: the hop closes at 50 s of idle, 2 ms before the
    // request leaves, which is inside the 5 ms one-way delay: the request crosses the close.
    const r = replay([[0, 1], [51.012, 1]], pool(), net([{ kind: 'custom', idleSec: 50, onIdle: 'fin' }]));
    expect(r.staleReuse).toBe(1);
    expect(r.failedRequests).toBe(1);
    expect(r.latencyMs.mean).toBeCloseTo((rtt + 1 + rtt) * 500, 6);
  });

  it('should retry the crossing request on a new connection after the backoff, and succeed', () => {
    const r = replay([[0, 1], [51.012, 1]], pool({ maxRetries: 2 }), net([{ kind: 'custom', idleSec: 50, onIdle: 'rst' }]));
    expect([r.staleReuse, r.retries, r.failedRequests]).toEqual([1, 1, 0]);
    // rtt to fail, 0.375–0.5 s backoff (the SDKs' 0.5 s × (1 − 0.25 U)), a new connection (1 rtt), 1 s response.
    const second = r.latencyMs.max / 1000;
    expect(second).toBeGreaterThanOrEqual(rtt + 0.375 + rtt + 1 - 1e-9);
    expect(second).toBeLessThanOrEqual(rtt + 0.5 + rtt + 1 + 1e-9);
  });

  it('should hang a request sent into a silently dropped flow until the read timeout, then fail it', () => {
    const r = replay([[0, 1], [100, 1]], pool({ readTimeoutSec: 30 }), net([{ kind: 'custom', idleSec: 50, onIdle: 'silent' }]));
    expect([r.staleReuse, r.hungRequests, r.failedRequests]).toEqual([1, 1, 1]);
    expect(r.latencyMs.max).toBeCloseTo(30_000, 3);
  });

  it('should succeed after the hang when the client retries, on a fresh connection', () => {
    const r = replay([[0, 1], [100, 1]], pool({ readTimeoutSec: 30, maxRetries: 2 }), net([{ kind: 'custom', idleSec: 50, onIdle: 'silent' }]));
    expect([r.staleReuse, r.hungRequests, r.retries, r.failedRequests]).toEqual([1, 1, 1, 0]);
    expect(r.latencyMs.max / 1000).toBeGreaterThanOrEqual(30 + 0.375 + rtt + 1 - 1e-9);
    expect(r.latencyMs.max / 1000).toBeLessThanOrEqual(30 + 0.5 + rtt + 1 + 1e-9);
  });

  it('should fail at once on an AWS NAT gateway’s reset instead of hanging', () => {
    const r = replay([[0, 1], [400, 1]], pool({ readTimeoutSec: 30 }), net([{ kind: 'aws-nat' }]));
    expect([r.staleReuse, r.hungRequests, r.failedRequests]).toEqual([1, 0, 1]);
    expect(r.latencyMs.mean).toBeCloseTo((rtt + 1 + rtt) * 500, 6);
  });

  it('should keep a flow alive through a NAT when TCP keep-alive probes come sooner than its limit', () => {
    const hops: Hops = [{ kind: 'aws-nat' }];
    expect(replay([[0, 1], [400, 1]], pool({ tcpKeepaliveSec: 60 }), net(hops)).staleReuse).toBe(0);
    expect(replay([[0, 1], [400, 1]], pool({ tcpKeepaliveSec: 400 }), net(hops)).staleReuse).toBe(1);
    // undici enables probes after 60 s idle by default; httpx sets none.
    expect(replay([[0, 1], [400, 1]], pool(), { client: 'undici', ...net(hops) }).staleReuse).toBe(0);
    expect(replay([[0, 1], [400, 1]], pool(), { client: 'httpx', ...net(hops) }).staleReuse).toBe(1);
  });

  it('should let the client’s own shorter keep-alive retire the connection before the hop does', () => {
    const r = replay([[0, 1], [100, 1]], pool({ keepaliveSec: 40 }), net([{ kind: 'custom', idleSec: 50, onIdle: 'silent' }]));
    expect([r.staleReuse, r.failedRequests, r.newConnections]).toEqual([0, 0, 2]);
  });

  describe('a long silent read', () => {
    const run = (streaming: boolean, hops: Hops, extra: { firstByteSec?: number; readTimeoutSec?: number; maxRetries?: number } = {}) =>
      simulate(
        scenario({
          ...net(hops),
          workload: {
            arrival: { kind: 'trace', rows: [[0, 100], [200, 100]] },
            classes: [{ name: 'reasoning', share: 1, streaming, duration: { dist: 'constant', meanSec: 100 }, ...(extra.firstByteSec ? { firstByteSec: extra.firstByteSec } : {}) }],
          },
          pool: pool({ ...(extra.readTimeoutSec ? { readTimeoutSec: extra.readTimeoutSec } : {}), ...(extra.maxRetries ? { maxRetries: extra.maxRetries } : {}) }),
          sim: { requests: 100, warmupShare: 0 },
        }),
      );

    it('should be cut by a FIN hop at its limit when the response is not streamed', () => {
      const r = run(false, [{ kind: 'aws-alb' }]);
      expect([r.failedRequests, r.hungRequests, r.staleReuse]).toEqual([2, 0, 0]);
      expect(r.latencyMs.max / 1000).toBeCloseTo(rtt + 60 + rtt / 2, 6);
    });

    it('should pass when the response is streamed from its first second', () => {
      expect(run(true, [{ kind: 'aws-alb' }]).failedRequests).toBe(0);
    });

    it('should be cut when a stream’s first byte comes later than the limit', () => {
      expect(run(true, [{ kind: 'aws-alb' }], { firstByteSec: 70 }).failedRequests).toBe(2);
      expect(run(true, [{ kind: 'aws-alb' }], { firstByteSec: 50 }).failedRequests).toBe(0);
    });

    it('should hang behind a silent hop until the read timeout, for each retry too', () => {
      const r = run(false, [{ kind: 'custom', idleSec: 50, onIdle: 'silent' }], { readTimeoutSec: 300, maxRetries: 1 });
      expect([r.hungRequests, r.retries, r.failedRequests]).toEqual([2, 2, 2]);
      expect(r.latencyMs.max / 1000).toBeGreaterThan(600);
    });
  });

  it('should give the same result twice for the same seed, retries included', () => {
    const s = scenario({
      ...net([{ kind: 'custom', idleSec: 20, onIdle: 'silent-rst' }]),
      client: 'anthropic-py',
      workload: { arrival: { kind: 'users', users: 20, thinkSec: 25 } },
      pool: pool({ maxConnections: 10, maxKeepalive: 10 }),
      sim: { requests: 5_000 },
    });
    const a = simulate(s);
    expect(a.retries).toBeGreaterThan(0);
    expect(simulate(s)).toEqual(a);
  });
});

describe('a retry that waits for a connection', () => {
  it('should time its wait from the retry, not from an earlier attempt’s wait', () => {
    // One connection, pool timeout 12 s, a FIN hop of 5 s that cuts a reply silent longer. B arrives at
    // 0.1 s and waits behind A (its wait would end at 12.1 s); it gets the connection at 4.01 s, is cut
    // at 9.015 s and retried at ~9.45 s, now behind C, which took the connection at 9.015 s until
    // ~13.03 s. The retry's own wait ends at ~21.45 s: it gets the connection at 13.03 s, no pool timeout.
    const s = scenario({
      network: { rttMs: 10, dnsMs: 0, tls: 'none', middleboxes: [{ kind: 'custom', idleSec: 5, onIdle: 'fin' }] },
      workload: {
        arrival: { kind: 'trace', rows: [[0, 4], [0.1, 8], [9, 4]] },
        classes: [{ name: 'whole', share: 1, streaming: false, duration: { dist: 'constant', meanSec: 1 } }],
      },
      pool: { maxConnections: 1, maxKeepalive: 1, keepaliveSec: 3600, poolTimeoutSec: 12, maxRetries: 1 },
      sim: { requests: 100, warmupShare: 0 },
    });
    const r = simulate(s);
    expect(r.poolTimeouts).toBe(0);
    expect([r.staleReuse, r.retries, r.failedRequests]).toEqual([0, 1, 1]);
  });
});
