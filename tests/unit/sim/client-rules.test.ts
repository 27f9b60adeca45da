/**
 * Each client's own pool rules (src/core/clients/<family>/policy.ts), pinned by hand-checkable traces. New
 * connections cost 10 ms (one round trip, no TLS, no DNS) unless a case says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { findClient, simulate, withClientDefaults } from '../../../src/core/index.ts';
import { cheapNetwork, replay, scenario } from './helpers.ts';

describe('httpx 0.28 (httpcore 1.x) rules', () => {
  it('should close a freed connection before the waiting request gets it while all connections exceed the keep-alive cap', () => {
    // max 2, keep-alive cap 1. A and B run 0–1.01 s; C arrives at 0.5 s and waits. When A ends,
    // 2 connections exceed the cap, so A closes and C opens a new one: 3 connections, no reuse.
    const rows: [number, number][] = [[0, 1], [0, 1], [0.5, 1]];
    const pool = { maxConnections: 2, maxKeepalive: 1, keepaliveSec: 60 };
    const httpx = replay(rows, pool, { client: 'httpx' });
    expect(httpx.newConnections).toBe(3);
    expect(httpx.reuseRate).toBe(0);
    // httpcore2 counts idle connections only (1 ≤ 1): C gets A, as under the generic rules.
    expect(replay(rows, pool, { client: 'httpx2' }).newConnections).toBe(2);
    expect(replay(rows, pool).newConnections).toBe(2);
  });

  it('should reuse the idle connection created first', () => {
    // A (created first) idle since 1.01 s, B since 2.01 s: the request at 3 s takes A (1.99 s idle).
    const r = replay([[0, 1], [0, 2], [3, 0.5]], { maxConnections: 2, maxKeepalive: 2, keepaliveSec: 60 }, { client: 'httpx' });
    expect(r.idleBeforeReuseSec.mean).toBeCloseTo(1.99, 9);
  });

  it('should queue HTTP/2 streams beyond the limit on its one connection instead of opening another', () => {
    // Two streams per connection, three 1 s requests at once: httpcore keeps one connection and the
    // third stream waits for a free one (1.01 s), outside the pool timeout (0.5 s here).
    const rows: [number, number][] = [[0, 1], [0, 1], [0, 1]];
    const pool = { protocol: 'h2' as const, maxConnections: 10, maxKeepalive: 10, streamsPerConnection: 2, poolTimeoutSec: 0.5 };
    const httpx = replay(rows, pool, { client: 'httpx' });
    expect(httpx.newConnections).toBe(1);
    expect(httpx.poolTimeouts).toBe(0);
    expect(httpx.queueWaitMs.max).toBeCloseTo(1010, 6);
    expect(replay(rows, pool, { client: 'httpx2' }).newConnections).toBe(1);
    expect(replay(rows, pool).newConnections).toBe(2);
  });
});

describe('httpx2 (httpcore2) rules', () => {
  it('should close the surplus idle connection created first, keeping the one just freed', () => {
    // keep-alive cap 1: A idle at 1.01 s; when B frees at 2.01 s there are 2 idle, so A (older)
    // closes. The request at 3 s reuses B after 0.99 s idle. (Generic rules close B instead.)
    const rows: [number, number][] = [[0, 1], [0, 2], [3, 0.5]];
    const pool = { maxConnections: 2, maxKeepalive: 1, keepaliveSec: 60 };
    const r = replay(rows, pool, { client: 'httpx2' });
    expect(r.clientClosed).toBe(1);
    expect(r.idleBeforeReuseSec.mean).toBeCloseTo(0.99, 9);
  });
});

describe('undici rules', () => {
  it('should keep every idle socket whatever max_keepalive says', () => {
    const rows: [number, number][] = [[0, 1], [2, 1]];
    const pool = { maxConnections: 5, maxKeepalive: 0, keepaliveSec: 60 };
    expect(replay(rows, pool, { client: 'undici' }).newConnections).toBe(1);
    expect(replay(rows, pool, { client: 'undici7' }).newConnections).toBe(1);
    expect(replay(rows, pool).newConnections).toBe(2);
  });

  it('should expire idle sockets at the server hint minus 2 s, capped by the keep-alive', () => {
    // Server idle timeout (Keep-Alive: timeout=5) → undici keeps idle sockets 5 − 2 = 3 s; the
    // second request comes 3.99 s after the first ended, so it opens a new connection. The generic
    // rules keep the socket until the server's 5 s and reuse it.
    const rows: [number, number][] = [[0, 1], [5, 1]];
    const pool = { maxConnections: 5, maxKeepalive: 5, keepaliveSec: 60 };
    const undici = replay(rows, pool, { client: 'undici', network: { rttMs: 10, dnsMs: 0, tls: 'none', middleboxes: [{ kind: 'server', idleSec: 5 }] } });
    expect(undici.newConnections).toBe(2);
    expect(undici.expiredIdle).toBeGreaterThanOrEqual(1);
    expect(undici.serverClosed).toBe(0);
    const generic = replay(rows, pool, { network: { rttMs: 10, dnsMs: 0, tls: 'none', middleboxes: [{ kind: 'server', idleSec: 5 }] } });
    expect(generic.newConnections).toBe(1);
    // A hint at or below the 2 s threshold means no keep-alive at all.
    const noKeepalive = replay([[0, 1], [1.5, 1]], pool, { client: 'undici', network: { rttMs: 10, dnsMs: 0, tls: 'none', middleboxes: [{ kind: 'server', idleSec: 2 }] } });
    expect(noKeepalive.newConnections).toBe(2);
  });

  it('should give a request the first free client in creation order, reconnecting it even when a later one is still warm', () => {
    // keep-alive 1.5 s. Client 1's socket idles from 1.01 s and times out at 2.51 s; client 2's
    // from 2.01 s, alive until 3.51 s. At 2.8 s undici picks client 1 and reconnects it.
    const rows: [number, number][] = [[0, 1], [0, 2], [2.8, 0.1]];
    const pool = { maxConnections: 2, maxKeepalive: 2, keepaliveSec: 1.5 };
    expect(replay(rows, pool, { client: 'undici' }).newConnections).toBe(3);
    expect(replay(rows, pool, { client: 'httpx2' }).newConnections).toBe(2);
    expect(replay(rows, pool).newConnections).toBe(2);
  });

  it('should hand a freed connection to the oldest waiting request', () => {
    const r = replay([[0, 1], [0.1, 1], [0.2, 1]], { maxConnections: 1, maxKeepalive: 1 }, { client: 'undici' });
    expect(r.queueWaitMs.max).toBeCloseTo(1810, 6);
    expect(r.newConnections).toBe(1);
  });

  it('should run one POST per HTTP/2 connection in undici 7 and multiplex in undici 8 after the protocol probe', () => {
    // TLS 1.3, RTT 100 ms: a connection is ready 200 ms after it starts. The second request (50 ms)
    // gets its own connection in undici 7; undici 8 holds it in the pool until the first connection
    // has learnt the protocol (150 ms), then multiplexes it there.
    const rows: [number, number][] = [[0, 1], [0.05, 1]];
    const pool = { protocol: 'h2' as const, maxConnections: 10, maxKeepalive: 10, streamsPerConnection: 100 };
    const network = { rttMs: 100, dnsMs: 0, tls: '1.3' as const };
    const v7 = replay(rows, pool, { client: 'undici7', network });
    expect(v7.newConnections).toBe(2);
    expect(v7.queueWaitMs.max).toBe(0);
    const v8 = replay(rows, pool, { client: 'undici', network });
    expect(v8.newConnections).toBe(1);
    expect(v8.queueWaitMs.max).toBeCloseTo(150, 6);
  });

  it('should fan out over HTTP/1.1 in undici 8 once the first connection showed the protocol', () => {
    // The first HTTPS connection probes (ALPN); the second request waits until it is ready at
    // 200 ms, then opens its own connection. undici 7 has no probe.
    const rows: [number, number][] = [[0, 1], [0.05, 1], [0.3, 1]];
    const pool = { maxConnections: 10, maxKeepalive: 10 };
    const network = { rttMs: 100, dnsMs: 0, tls: '1.3' as const };
    const v8 = replay(rows, pool, { client: 'undici', network });
    expect(v8.newConnections).toBe(3);
    expect(v8.queueWaitMs.max).toBeCloseTo(150, 6);
    expect(v8.pWait).toBeCloseTo(1 / 3, 9); // the third request, after the probe, does not wait
    expect(replay(rows, pool, { client: 'undici7', network }).queueWaitMs.max).toBe(0);
  });
});

describe('client rules with tenants', () => {
  it.each(['undici', 'undici7', 'httpx', 'httpx2'] as const)('should keep %s tenants under their caps and the global cap', (client) => {
    const r = simulate(
      scenario({
        client,
        network: cheapNetwork(5),
        workload: { arrival: { kind: 'poisson', perSec: 6 }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: 1 } }] },
        pool: { maxConnections: 8, maxKeepalive: 8, keepaliveSec: 0.5, tenants: 4, perTenantMaxConnections: 3 },
        sim: { requests: 20_000, seed: 9 },
      }),
    );
    expect(r.requests).toBe(18_000);
    expect(r.peakActive).toBeLessThanOrEqual(8);
    for (const peak of r.pools[0]!.tenantPeakOpen) expect(peak).toBeLessThanOrEqual(3);
    expect(r.pools[0]!.tenantPeakOpen.reduce((a, b) => a + b, 0)).toBeGreaterThan(8); // tenants did hand connections over
  });
});

describe("Node's global fetch per Node major", () => {
  // TLS 1.3, RTT 100 ms: a connection is ready 200 ms after it starts.
  const rows: [number, number][] = [[0, 1], [0.05, 1], [0.3, 1]];
  const pool = { protocol: 'h2' as const, maxConnections: 10, maxKeepalive: 10, streamsPerConnection: 100 };
  const network = { rttMs: 100, dnsMs: 0, tls: '1.3' as const };

  it('should open a connection per request while connecting on Node 26 (undici 8.10, no probe), then multiplex', () => {
    // The second request comes while the first connection is still connecting: a Client that is
    // connecting counts as busy, so it opens its own (node-fetch.test.ts measured 12 for 12 cold
    // POSTs). The third comes after the first is up and shares it. Nobody waits.
    for (const client of ['node-fetch', 'openai-ts', 'anthropic-ts'] as const) {
      const r = replay(rows, pool, { client, node: '26', network });
      expect({ client, connections: r.newConnections, waitMs: r.queueWaitMs.max }).toEqual({ client, connections: 2, waitMs: 0 });
    }
  });

  it('should follow undici 7 rules on Node 22 and 24 and when the scenario names no Node', () => {
    // One POST per HTTP/2 connection: three requests, three connections.
    for (const node of ['22', '24', undefined] as const) {
      expect(replay(rows, pool, { client: 'node-fetch', network, ...(node ? { node } : {}) }).newConnections).toBe(3);
    }
  });

  it('should run the "today" column on the scenario’s Node: HTTP/2 on Node 26, HTTP/1.1 before', () => {
    const s = scenario({ client: 'node-fetch', node: '26' });
    expect(withClientDefaults(s, findClient('node-fetch')!).pool.protocol).toBe('h2');
    expect(withClientDefaults({ ...s, node: '24' }, findClient('node-fetch')!).pool.protocol).toBe('h1');
    expect(withClientDefaults({ ...s, node: undefined }, findClient('anthropic-ts')!).pool.protocol).toBe('h1');
  });
});
