import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/core/index.ts';
import { fitArrival, fitDurations, fitTraffic, importTraffic, toScenario } from '../../../src/core/import/index.ts';

/** A seeded uniform generator (LCG), so each test sees the same sample every run. */
function rng(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
}

function poissonStarts(rate: number, n: number, random: () => number): number[] {
  const starts: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    starts.push(t);
    t += -Math.log(random()) / rate;
  }
  return starts;
}

describe('fitting imported traffic', () => {
  it('should fit a Poisson stream at its rate with a small KS distance', () => {
    const starts = Float64Array.from(poissonStarts(5, 5000, rng(1)));
    const fit = fitArrival({ starts, durations: new Float64Array(5000).fill(1) });
    expect(fit.arrival.kind).toBe('poisson');
    expect(fit.ratePerSec).toBeGreaterThan(4.8);
    expect(fit.ratePerSec).toBeLessThan(5.2);
    expect(fit.goodness.value).toBeLessThan(0.03);
  });

  it('should fit bursts separated by silences as bursty on/off', () => {
    const random = rng(2);
    const starts: number[] = [];
    for (let burst = 0; burst < 10; burst++) for (const t of poissonStarts(20, 200, random)) if (t < 10) starts.push(burst * 40 + t);
    const fit = fitArrival({ starts: Float64Array.from(starts), durations: new Float64Array(starts.length).fill(1) });
    expect(fit.arrival).toMatchObject({ kind: 'bursty' });
    const arrival = fit.arrival as { perSec: number; onSec: number; offSec: number };
    expect(arrival.perSec).toBeGreaterThan(18);
    expect(arrival.perSec).toBeLessThan(22);
    expect(arrival.offSec).toBeGreaterThan(28);
    expect(arrival.offSec).toBeLessThan(32);
  });

  it('should fit closed users when the calls carry user ids', () => {
    const random = rng(3);
    const rows: { start: number; duration: number; user: string }[] = [];
    for (let u = 0; u < 20; u++) {
      let t = random() * 10;
      while (t < 600) {
        const duration = 1 + random();
        rows.push({ start: t, duration, user: `u${u}` });
        t += duration - Math.log(random()) * 10;
      }
    }
    rows.sort((a, b) => a.start - b.start);
    const fit = fitArrival({ starts: Float64Array.from(rows, (r) => r.start - rows[0]!.start), durations: Float64Array.from(rows, (r) => r.duration), users: rows.map((r) => r.user) });
    expect(fit.arrival).toMatchObject({ kind: 'users' });
    const arrival = fit.arrival as { users: number; thinkSec: number };
    expect(arrival.users).toBeGreaterThanOrEqual(18);
    expect(arrival.users).toBeLessThanOrEqual(22);
    expect(arrival.thinkSec).toBeGreaterThan(9);
    expect(arrival.thinkSec).toBeLessThan(11);
  });

  it('should fit lognormal durations by their mean and p95 and report the figures', () => {
    const random = rng(4);
    const normal = () => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    const sample = Float64Array.from({ length: 20000 }, () => Math.exp(Math.log(2) + 0.6 * normal())).sort();
    const fit = fitDurations(sample);
    expect(fit.duration.dist).toBe('lognormal');
    // Lognormal(ln 2, 0.6): mean 2·e^0.18 = 2.39, p95 2·e^(0.6·1.645) = 5.37.
    expect(fit.duration.meanSec).toBeCloseTo(2.39, 1);
    expect((fit.duration as { p95Sec: number }).p95Sec).toBeCloseTo(5.37, 0);
    expect(fit.ks).toBeLessThan(0.02);
    expect(fit.from.requests).toBe(20000);
  });

  it('should fit equal durations as a constant and cap a p95 no lognormal can have', () => {
    expect(fitDurations(new Float64Array([1, 1, 1])).duration).toEqual({ dist: 'constant', meanSec: 1 });
    const skewed = Float64Array.from({ length: 100 }, (_, i) => (i < 90 ? 0.01 : 100)).sort();
    const fit = fitDurations(skewed);
    expect(fit.note).toContain('beyond any lognormal');
    expect(parseScenario({ workload: { classes: [{ name: 'x', share: 1, duration: fit.duration }] } }).ok).toBe(true);
  });

  it('should make valid scenarios, traced and fitted', () => {
    const csv = ['timestamp,duration_s,model', ...Array.from({ length: 50 }, (_, i) => `${i * 0.5},${1 + (i % 7) / 10},${i % 2 ? 'a' : 'b'}`)].join('\n');
    const traffic = importTraffic(csv, { format: 'csv' });
    const fit = fitTraffic(traffic);
    for (const fitted of [false, true]) {
      const result = parseScenario(toScenario(traffic, fit, { fitted }));
      expect(result.ok, JSON.stringify(result)).toBe(true);
    }
  });
});
