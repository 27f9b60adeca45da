import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, simResultToJson, SimError, withPool, type Scenario, type ScenarioInput } from '../../../src/core/index.ts';
import { run } from '../../../src/cli/main.ts';

function scenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** One user, one 1 s request every 30 s: each request finds the connection idle for 30 s. */
const lonelyUser = (pool: ScenarioInput['pool'], network: ScenarioInput['network'] = {}) =>
  scenario({
    workload: {
      arrival: { kind: 'users', users: 1, thinkSec: 30, thinkDist: 'constant' },
      classes: [{ name: 'x', share: 1, duration: { dist: 'constant', meanSec: 1 } }],
    },
    network,
    pool,
    sim: { requests: 200, seed: 1, warmupShare: 0 },
  });

describe('simulator pool rules', () => {
  it('should reuse a connection only while the keep-alive outlasts the gap between requests', () => {
    const short = simulate(lonelyUser({ keepaliveSec: 10 }));
    expect(short.reuseRate).toBe(0);
    expect(short.newConnections).toBe(200);
    expect(short.clientClosed).toBe(199); // the last connection is still idle when the run ends
    const long = simulate(lonelyUser({ keepaliveSec: 120 }));
    expect(long.newConnections).toBe(1);
    expect(long.reuseRate).toBeCloseTo(199 / 200, 9);
  });

  it('should close a finished request’s connection when maxKeepalive idle connections are kept', () => {
    const r = simulate(lonelyUser({ maxKeepalive: 0, keepaliveSec: 120 }));
    expect(r.newConnections).toBe(200);
    expect(r.reuseRate).toBe(0);
  });

  it('should count connections the server closes first and flag the stale-reuse risk', () => {
    const r = simulate(lonelyUser({ keepaliveSec: 120 }, { middleboxes: [{ kind: 'server', idleSec: 20 }] }));
    expect(r.serverClosed).toBe(199);
    expect(r.reuseRate).toBe(0);
    expect(r.staleReuseRisk).toBe(true);
    expect(simulate(lonelyUser({ keepaliveSec: 10 }, { middleboxes: [{ kind: 'server', idleSec: 20 }] })).staleReuseRisk).toBe(false);
  });

  it('should charge DNS + TCP + TLS round trips to each new connection', () => {
    const cost = (tls: '1.2' | '1.3' | 'none') => simulate(lonelyUser({ keepaliveSec: 1 }, { rttMs: 50, dnsMs: 20, tls })).handshakeMs.mean;
    expect(cost('none')).toBeCloseTo(70, 9);
    expect(cost('1.3')).toBeCloseTo(120, 9);
    expect(cost('1.2')).toBeCloseTo(170, 9);
    const cachedDns = simulate(lonelyUser({ keepaliveSec: 1 }, { rttMs: 50, dnsMs: 20, tls: '1.3', dnsCacheSec: 3600 }));
    // 200 requests 31 s apart span 6,200 s: the 3,600 s cache is refreshed once, so DNS is paid twice.
    expect(cachedDns.handshakeMs.total).toBeCloseTo(2 * 20 + 200 * 100, 6);
  });

  it('should fail requests that wait longer than the pool timeout, and count them', () => {
    const r = simulate(
      scenario({
        workload: { arrival: { kind: 'poisson', perSec: 20 }, classes: [{ name: 'x', share: 1, duration: { dist: 'constant', meanSec: 1 } }] },
        pool: { maxConnections: 5, maxKeepalive: 5, poolTimeoutSec: 0.5 },
        sim: { requests: 5_000, seed: 2 },
      }),
    );
    expect(r.poolTimeouts).toBeGreaterThan(0.5 * r.requests);
    expect(r.queueWaitMs.max).toBeLessThanOrEqual(500 + 1e-6);
  });

  it('should multiplex HTTP/2 streams on few connections where HTTP/1.1 needs one per request', () => {
    const base = {
      workload: { arrival: { kind: 'poisson' as const, perSec: 50 }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential' as const, meanSec: 1 } }] },
      sim: { requests: 20_000, seed: 3 },
    };
    const h1 = simulate(scenario({ ...base, pool: { protocol: 'h1', maxConnections: 200, maxKeepalive: 100 } }));
    const h2 = simulate(scenario({ ...base, pool: { protocol: 'h2', maxConnections: 200, maxKeepalive: 100, streamsPerConnection: 100 } }));
    expect(h1.peakActive).toBeGreaterThan(50);
    expect(h2.peakActive).toBeLessThanOrEqual(2);
    expect(h2.newConnections).toBeLessThan(h1.newConnections);
  });

  it('should stop streams from starving short calls once they have a pool of their own', () => {
    const classes = [
      { name: 'short', share: 0.8, duration: { dist: 'constant' as const, meanSec: 0.2 } },
      { name: 'stream', share: 0.2, streaming: true, duration: { dist: 'exponential' as const, meanSec: 10 } },
    ];
    const arrival = { kind: 'poisson' as const, perSec: 9 };
    const shared = simulate(scenario({ workload: { arrival, classes }, pool: { maxConnections: 20, maxKeepalive: 10 }, sim: { requests: 30_000, seed: 4 } }));
    const split = simulate(
      scenario({
        workload: { arrival, classes: [classes[0]!, { ...classes[1]!, pool: 'streaming' }] },
        pool: { name: 'batch', maxConnections: 6, maxKeepalive: 6 },
        pools: [{ name: 'streaming', maxConnections: 30, maxKeepalive: 10 }],
        sim: { requests: 30_000, seed: 4 },
      }),
    );
    const p99 = (r: typeof shared, name: string) => r.classes.find((c) => c.name === name)!.queueWaitMs.p99;
    expect(p99(shared, 'short')).toBeGreaterThan(1000);
    expect(p99(split, 'short')).toBeLessThan(50);
    expect(split.pools.map((p) => p.name)).toEqual(['batch', 'streaming']);
  });

  it('should keep each tenant under its own cap and all under the global cap', () => {
    const r = simulate(
      scenario({
        workload: { arrival: { kind: 'poisson', perSec: 30 }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: 4 } }] },
        pool: { maxConnections: 60, maxKeepalive: 30, tenants: 10, perTenantMaxConnections: 8 },
        sim: { requests: 20_000, seed: 5 },
      }),
    );
    expect(r.peakActive).toBeLessThanOrEqual(60);
    expect(r.pWait).toBeGreaterThan(0);
    const roomy = simulate(withPool(scenario({ workload: { arrival: { kind: 'poisson', perSec: 30 }, classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: 4 } }] }, pool: { maxConnections: 60, maxKeepalive: 30, tenants: 10, perTenantMaxConnections: 8 }, sim: { requests: 20_000, seed: 5 } }), { maxConnections: 200 }));
    expect(roomy.pWait).toBeLessThanOrEqual(r.pWait);
  });

  it('should replay a trace with its own start times and durations', () => {
    const r = simulate(
      scenario({
        workload: { arrival: { kind: 'trace', rows: [[0, 2], [0.5, 2], [1, 2], [10, 1]] } },
        network: { rttMs: 0, dnsMs: 0, tls: 'none' },
        pool: { maxConnections: 2, maxKeepalive: 2 },
        sim: { requests: 100, warmupShare: 0 },
      }),
    );
    expect(r.requests).toBe(4);
    expect(r.pWait).toBe(0.25);
    expect(r.queueWaitMs.max).toBeCloseTo(1000, 0); // the third request waits from 1 s until the first ends at 2 s
  });

  it('should sample the active, idle and queued connections over time', () => {
    const r = simulate(scenario({ sim: { requests: 20_000 } }));
    const n = r.series.tSec.length;
    expect(n).toBeGreaterThan(100);
    expect(n).toBeLessThanOrEqual(480);
    expect(r.series.active.length).toBe(n);
    expect(Math.max(...r.series.active)).toBeLessThanOrEqual(30);
    expect(Math.max(...r.series.idle)).toBeLessThanOrEqual(15);
  });
});

describe('simulator determinism and bounds', () => {
  it('should give byte-identical output for the same scenario and seed, and different output for another seed', () => {
    const s = scenario({ sim: { requests: 20_000, seed: 42 } });
    const a = JSON.stringify(simResultToJson(simulate(s)));
    const b = JSON.stringify(simResultToJson(simulate(s)));
    expect(a).toBe(b);
    const c = JSON.stringify(simResultToJson(simulate({ ...s, sim: { ...s.sim, seed: 43 } })));
    expect(c).not.toBe(a);
  });

  it('should stop cleanly with a clear error beyond the event cap', () => {
    expect(() => simulate(scenario({ sim: { requests: 200_000 } }), { maxEvents: 100_000 })).toThrowError(SimError);
    expect(() => simulate(scenario({ sim: { requests: 200_000 } }), { maxEvents: 100_000 })).toThrowError(/more than 100,000 events/);
  });

  it('should report progress and honour a stop request', () => {
    const seen: number[] = [];
    simulate(scenario({ sim: { requests: 100_000 } }), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen[seen.length - 1]).toBe(1);
    expect(() => simulate(scenario({ sim: { requests: 100_000 } }), { shouldStop: () => true })).toThrowError(/cancelled/);
  });
});

describe('pool-sizer simulate', () => {
  async function cli(args: string[], stdin = '') {
    let stdout = '';
    let stderr = '';
    const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin });
    return { code, stdout, stderr };
  }

  it('should print the statistics as JSON with the documented names', async () => {
    const { code, stdout } = await cli(['simulate', '-'], '{"sim":{"requests":2000}}');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    for (const key of ['requests', 'pWait', 'queueWaitMs', 'latencyMs', 'reuseRate', 'newConnections', 'peakActive', 'peakQueued', 'poolTimeouts', 'handshakeMs', 'unpooled', 'classes', 'pools', 'series']) {
      expect(out).toHaveProperty(key);
    }
    expect(Array.isArray(out.series.active)).toBe(true);
  });

  it('should exit 2 with one line naming the field on an invalid scenario', async () => {
    const { code, stderr } = await cli(['simulate', '-'], '{"sim":{"requests":-1}}');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('pool-sizer simulate: invalid scenario: sim.requests: must be at least 100');
  });
});

describe('pool-sizer simulate --trace', () => {
  it('should replay a CSV trace with a header line', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'trace-'));
    writeFileSync(join(dir, 't.csv'), 'start,duration\n0,2\n0.5,2\n1,2\n10,1\n');
    let stdout = '';
    const code = await run(['simulate', '-', '--trace', join(dir, 't.csv')], {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      readStdin: async () => '{"network":{"rttMs":0,"dnsMs":0,"tls":"none"},"pool":{"maxConnections":2,"maxKeepalive":2},"sim":{"warmupShare":0}}',
    });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ requests: 4, pWait: 0.25 });
    writeFileSync(join(dir, 'bad.csv'), '0,2\nlater,oops\n');
    let stderr = '';
    const bad = await run(['simulate', '-', '--trace', join(dir, 'bad.csv')], { stdout: () => undefined, stderr: (t) => void (stderr += t), readStdin: async () => '{}' });
    expect(bad).toBe(2);
    expect(stderr).toContain('bad.csv line 2: expected "start,duration"');
  });
});
