/**
 * The fast subset of `npm run calibrate` (tests/calibration/): four real clients through the latency
 * proxy, each compared with the simulator under the issue's tolerances. About 100 s.
 * - a keep-alive cap below the connection cap: httpx2 within the tolerances, and the httpx 0.28 rule
 *   that halves reuse, shown against httpx2 on the same scenario (httpx 0.28's reuse itself runs
 *   0.35–0.44 against 0.49 simulated over repeats: its Python overhead holds connections longer;
 *   the limit is in the clients table and `npm run calibrate` reports it);
 * - undici 7 with a pool smaller than Poisson peaks: queueing, hand-over and the wait it causes. The run's
 *   arrivals and hold times are replayed into the simulator (tests/calibration/session.ts), so a busy machine
 *   moves both alike: with one or both cores of this machine kept busy by other processes, nine runs measured
 *   a mean wait 4–14 % above the simulated one; without the hold times replayed, one run in four with one
 *   busy core was 28 % above (a CI run, 31 %);
 * - aiohttp with a keep-alive shorter than most gaps: its keep-alive, checked when a connection is picked,
 *   and the absence of an idle cap decide how many requests find a live connection.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../../calibration/cases.ts';
import { ensureRuntime } from '../../calibration/clients.ts';
import { runCase } from '../../calibration/session.ts';

const caseById = (id: string) => {
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no calibration case ${id}`);
  return c;
};

beforeAll(() => {
  ensureRuntime('httpx');
  ensureRuntime('httpx2');
  ensureRuntime('undici7');
  ensureRuntime('aiohttp');
}, 300_000);

describe('simulator against real clients (fast calibration subset)', () => {
  it('should match httpx2 reuse and new connections when max_keepalive_connections is below max_connections, and show httpx 0.28 losing reuse there', async () => {
    // 250 requests: the reuse of a run varies by about ±0.03 (one standard error), well inside 0.08.
    const successor = await runCase({ ...caseById('users-keepalive-cap'), requests: 250 }, 'httpx2', 60_000);
    expect(successor.measured.failed).toBe(0);
    // The pool rule: reuse and new connections. Wait and latency also carry the client's own per-request
    // processing, which grows with the machine's load (documented in the clients table); they are
    // checked by `npm run calibrate`, not here where other tests share the cores.
    for (const check of successor.checks.filter((k) => k.name === 'reuse' || k.name === 'new connections per request')) {
      expect(check, `httpx2 ${check.name}: measured ${check.measured}, simulated ${check.simulated}`).toMatchObject({ ok: true });
    }
    // The httpcore 1.x rule itself, on the real library: the same pool reuses far less under httpx 0.28,
    // and the simulator, told the client, predicts that too.
    const legacy = await runCase({ ...caseById('users-keepalive-cap'), requests: 250 }, 'httpx', 60_000);
    expect(legacy.measured.failed).toBe(0);
    expect(legacy.measured.reuse).toBeLessThan(0.7);
    expect(legacy.measured.reuse).toBeLessThan(successor.measured.reuse - 0.2);
    expect(legacy.simulated.reuse).toBeLessThan(successor.simulated.reuse - 0.2);
  }, 150_000);

  it('should match undici 7 waits when Poisson peaks exceed a pool of 3', async () => {
    const r = await runCase({ ...caseById('poisson-small-pool'), requests: 150 }, 'undici7', 60_000);
    expect(r.measured.failed).toBe(0);
    for (const check of r.checks) expect(check, `${check.name}: measured ${check.measured}, simulated ${check.simulated}`).toMatchObject({ ok: true });
    expect(r.measured.meanWaitMs).toBeGreaterThan(10); // the pool is small enough that requests do wait
  }, 90_000);

  it('should match aiohttp reuse and new connections when keep-alive is shorter than most gaps', async () => {
    // 250 requests (about 40 s; the reuse of a run varies by about ±0.03, one standard error, inside 0.08):
    // 4 users at 0.4 s think, so most gaps outlast the 0.15 s keep-alive, and reuse is set by aiohttp
    // honouring keepalive_timeout as the snippet writes it, with no idle cap (simulated 0.60, measured
    // 0.58–0.62 in 300-request runs; undici 7's creation-order rule gives 0.50 on the same case). Oldest-
    // against newest-idle-first moves it only to 0.57 simulated: tests/unit/sim/aiohttp-rules.test.ts pins that order.
    const r = await runCase({ ...caseById('users-short-keepalive'), requests: 250 }, 'aiohttp', 90_000);
    expect(r.measured.failed).toBe(0);
    // Wait and latency carry Python's own time per request, which grows with the machine's load:
    // `npm run calibrate` checks them, not this run on cores other tests share.
    for (const check of r.checks.filter((k) => k.name === 'reuse' || k.name === 'new connections per request')) {
      expect(check, `aiohttp ${check.name}: measured ${check.measured}, simulated ${check.simulated}`).toMatchObject({ ok: true });
    }
    expect(r.measured.newPerRequest).toBeGreaterThan(0.2); // the keep-alive does expire connections here
  }, 120_000);
});
