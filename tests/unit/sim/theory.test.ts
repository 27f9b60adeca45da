import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, type Scenario, type ScenarioInput } from '../../../src/core/index.ts';
import { erlangC, finiteSource, meanAndStandardError } from './theory.ts';

function scenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

/** No handshake cost and connections that never expire: the pool is then exactly c servers. */
const pureServers = (c: number) => ({
  network: { rttMs: 0, dnsMs: 0, tls: 'none' as const },
  pool: { maxConnections: c, maxKeepalive: c, keepaliveSec: 86_400 },
});

/**
 * Tolerance: each case runs 8 independent replications (seeds) and compares their mean with the
 * theory. A replication is long (tens of thousands of requests after a 10 % warm-up), so its
 * estimate is close to normal; the mean of 8 then lies within 5 standard errors of the truth with
 * probability > 99.9 % even on Student's t with 7 degrees of freedom. A small absolute floor covers
 * cases where the replications happen to agree very closely.
 */
function expectWithinTheory(samples: number[], truth: number, floor: number) {
  const { mean, se } = meanAndStandardError(samples);
  expect(Math.abs(mean - truth)).toBeLessThanOrEqual(Math.max(5 * se, floor));
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('simulator against queueing theory', () => {
  const openCases: [number, number][] = [
    [1, 0.5],
    [1, 0.9],
    [5, 0.7],
    [20, 0.9],
    [50, 0.8],
    [200, 0.9],
  ];
  it.each(openCases)('should match Erlang C for open M/M/%i at %f load', (c, rho) => {
    const serviceSec = 1;
    const a = c * rho;
    const truth = erlangC(c, a);
    const runs = SEEDS.map((seed) =>
      simulate(
        scenario({
          workload: {
            arrival: { kind: 'poisson', perSec: a / serviceSec },
            classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: serviceSec } }],
          },
          ...pureServers(c),
          sim: { requests: c >= 50 ? 120_000 : 60_000, seed },
        }),
      ),
    );
    expectWithinTheory(runs.map((r) => r.pWait), truth.pWait, 0.003);
    expectWithinTheory(runs.map((r) => r.queueWaitMs.mean), truth.meanWait * serviceSec * 1000, 2);
  });

  const closedCases: [number, number, number, number][] = [
    [100, 30, 30, 8],
    [100, 22, 30, 8],
    [20, 5, 4, 1],
    [10, 1, 5, 1],
    [300, 100, 10, 4],
  ];
  it.each(closedCases)('should match the finite-source model for %i users on %i connections (think %f s, service %f s)', (users, c, think, service) => {
    const truth = finiteSource(users, c, think, service);
    const runs = SEEDS.map((seed) =>
      simulate(
        scenario({
          workload: {
            arrival: { kind: 'users', users, thinkSec: think },
            classes: [{ name: 'x', share: 1, duration: { dist: 'exponential', meanSec: service } }],
          },
          ...pureServers(c),
          sim: { requests: 60_000, seed },
        }),
      ),
    );
    expectWithinTheory(runs.map((r) => r.pWait), truth.pWait, 0.003);
    expectWithinTheory(runs.map((r) => r.queueWaitMs.mean), truth.meanWaitSec * 1000, 2);
    expectWithinTheory(runs.map((r) => r.meanInSystem), truth.inSystem, 0.05);
  });

  it('should satisfy Little’s law on its own output: L = λ × W', () => {
    for (const arrival of [
      { kind: 'poisson', perSec: 9 } as const,
      { kind: 'users', users: 100, thinkSec: 30 } as const,
      { kind: 'bursty', perSec: 20, onSec: 10, offSec: 20 } as const,
    ]) {
      const r = simulate(
        scenario({
          workload: { arrival, classes: [{ name: 'x', share: 1, duration: { dist: 'lognormal', meanSec: 1, p95Sec: 2.5 } }] },
          pool: { maxConnections: 12, maxKeepalive: 6, keepaliveSec: 5 },
          sim: { requests: 200_000, seed: 11 },
        }),
      );
      const throughput = r.requests / r.durationSec;
      // Only requests that straddle the window's edges break the identity: well under 1 % here.
      expect(r.meanInSystem).toBeCloseTo(throughput * (r.latencyMs.mean / 1000), 0);
      expect(Math.abs(r.meanInSystem / (throughput * (r.latencyMs.mean / 1000)) - 1)).toBeLessThan(0.01);
    }
  });
});

describe('simulator and the article’s arithmetic', () => {
  it('should cost 40 s of handshakes for 500 unpooled requests at 80 ms each, and pooling removes nearly all of it', () => {
    const r = simulate(
      scenario({
        workload: { arrival: { kind: 'poisson', perSec: 5 }, classes: [{ name: 'x', share: 1, duration: { dist: 'constant', meanSec: 1 } }] },
        network: { rttMs: 40, dnsMs: 0, tls: '1.3' }, // TCP 1 RTT + TLS 1.3 1 RTT = 80 ms
        pool: { maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120 },
        sim: { requests: 500, seed: 1, warmupShare: 0 },
      }),
    );
    expect(r.requests).toBe(500);
    expect(r.unpooled.handshakeMs.total).toBeCloseTo(40_000, 6);
    expect(r.unpooled.handshakeMs.mean).toBeCloseTo(80, 9);
    expect(r.handshakeMs.total).toBeCloseTo(r.newConnections * 80, 6);
    expect(r.unpooled.savedMs).toBeGreaterThan(0.95 * 40_000);
    expect(r.reuseRate).toBeGreaterThan(0.95);
  });
});
