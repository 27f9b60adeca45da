/**
 * Go net/http's and OkHttp's pool rules (src/core/clients/goNetHttp/policy.ts, okhttp/policy.ts),
 * each pinned by a trace small enough to work out on paper.
 */
import { describe, expect, it } from 'vitest';
import { cheapNetwork, replay } from './helpers.ts';

/** `n` requests at once lasting 1 s, then `n` more at 5 s. */
function twoBursts(n: number): [number, number][] {
  return [...Array.from({ length: n }, (): [number, number] => [0, 1]), ...Array.from({ length: n }, (): [number, number] => [5, 1])];
}

const plainHttp = { network: { ...cheapNetwork(), tls: 'none' as const } };
const overTls = { network: { ...cheapNetwork(), tls: '1.3' as const } };

describe('Go net/http pool rules', () => {
  it('should close every connection freed beyond MaxIdleConnsPerHost and re-dial them on the next burst', () => {
    const r = replay(twoBursts(12), { maxConnections: 200, maxKeepalive: 2, keepaliveSec: 90 }, { client: 'go-nethttp', ...plainHttp });
    // 12 dials, 2 kept idle; the second burst reuses those 2 and dials 10 again.
    expect(r.newConnections).toBe(22);
  });

  it('should reuse the most recently idle connection (LIFO)', () => {
    const rows: [number, number][] = [
      [0, 1],
      [0, 2],
      [3, 1],
    ];
    // B went idle at 2 s, A at 1 s: r3 takes B, idle about 1 s.
    const r = replay(rows, { maxConnections: 2, maxKeepalive: 2, keepaliveSec: 60 }, { client: 'go-nethttp', ...plainHttp });
    expect(r.idleBeforeReuseSec.mean).toBeCloseTo(1, 1);
  });

  it('should make requests above MaxConnsPerHost wait, untimed, and hand them the freed connection', () => {
    const r = replay(twoBursts(12), { maxConnections: 5, maxKeepalive: 5, keepaliveSec: 90, poolTimeoutSec: 0.5 }, { client: 'go-nethttp', ...plainHttp });
    expect(r.newConnections).toBe(5);
    expect(r.poolTimeouts).toBe(0);
  });

  it('should multiplex over TLS (HTTP/2 by ALPN) and open another connection once the stream limit is reached', () => {
    const pool = { protocol: 'h2' as const, maxConnections: 200, maxKeepalive: 2, keepaliveSec: 90, streamsPerConnection: 5 };
    expect(replay(twoBursts(12), pool, { client: 'go-nethttp', ...overTls }).newConnections).toBe(3);
    // Without TLS there is no ALPN: HTTP/1.1, 12 dials and re-dials.
    expect(replay(twoBursts(12), pool, { client: 'go-nethttp', ...plainHttp }).newConnections).toBe(22);
  });
});

describe('OkHttp pool rules', () => {
  it('should queue calls above maxRequestsPerHost in the Dispatcher, untimed, even over HTTP/2', () => {
    const h2 = { protocol: 'h2' as const, maxConnections: 5, maxKeepalive: 5, keepaliveSec: 300, streamsPerConnection: 100, poolTimeoutSec: 0.5 };
    const r = replay(twoBursts(12), h2, { client: 'okhttp', ...overTls });
    // One connection carries the 5 running calls; 7 of each burst wait their turn.
    expect(r.newConnections).toBe(1);
    expect(r.poolTimeouts).toBe(0);
    expect(r.queueWaitMs.p99).toBeGreaterThan(1000);
  });

  it('should close the connection idle longest when more than maxIdleConnections are idle', () => {
    // A, B, C end at 1, 2, 3 s with an idle cap of 2: A is evicted at 3 s, B and C stay; r4 at 4 s takes B (created before C).
    const rows: [number, number][] = [
      [0, 1],
      [0, 2],
      [0, 3],
      [4, 1],
    ];
    const r = replay(rows, { maxConnections: 3, maxKeepalive: 2, keepaliveSec: 300 }, { client: 'okhttp', ...plainHttp });
    expect(r.newConnections).toBe(3);
    expect(r.idleBeforeReuseSec.mean).toBeCloseTo(2, 1);
  });
});
