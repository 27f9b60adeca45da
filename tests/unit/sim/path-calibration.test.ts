/**
 * The fast subset of the path calibration (tests/calibration/path/, issue #17; the full table is in
 * docs/calibration.md): undici 8 and httpx2, each through a hop that closes idle flows with a FIN and
 * one that forgets them and resets the next packet (silent-rst, an AWS NAT gateway), with pauses
 * (0.8 s) longer than the hop's limit (0.5 s). 7 requests per run (the first is the warm-up), about 6 s
 * each, loopback only. Each run is replayed into `simulate` as `npm run calibrate` replays it (its
 * arrivals and hold times as a trace, the hop as a custom middlebox, undici's late read timer), and
 * the counts must agree as the issue says: within 0.1 per request, exactly 0 where measured is 0.
 * - fin: every client notices the close while idle and reconnects: no stale reuse, no error. If the
 *   simulator stopped expiring connections at the hop's limit, it would count stale attempts here.
 * - silent-rst: every second request is written into a forgotten flow and fails at once (raw clients
 *   do not retry a POST). If the simulator stopped counting stale reuse, or retried, or let the
 *   request through, the counts would differ.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureRuntime, ROOT } from '../../calibration/clients.ts';
import { COUNTS, disagreements, simulatedFigures } from '../../calibration/path/compare.ts';
import { CLIENTS, runPath, SCENARIOS, type PathRun } from '../../calibration/path/run.ts';
import { makeCertificate } from '../../calibration/server.ts';
import type { IdleMode } from '../../tools/latency-proxy.ts';

const REQUESTS = 7;
let certificate: { key: string; cert: string };

beforeAll(() => {
  ensureRuntime('undici');
  ensureRuntime('httpx2');
  const dir = join(ROOT, 'tests/.tmp');
  mkdirSync(dir, { recursive: true });
  certificate = makeCertificate(mkdtempSync(join(dir, 'path-cert-')));
}, 300_000);

const pausesLonger = SCENARIOS.find((s) => s.id === 'b')!;

async function measuredAndSimulated(mode: IdleMode, label: string): Promise<{ run: PathRun; bad: string[]; detail: string }> {
  const client = CLIENTS.find((c) => c.label === label)!;
  const run = await runPath(mode, pausesLonger, client, REQUESTS, certificate);
  const sim = simulatedFigures(run, 5);
  // Counts only: latency carries the machine's load, which other test files share here.
  const bad = disagreements(run, sim).filter((b) => b !== 'latency');
  const detail = COUNTS.map((k) => `${k} ${run[k].toFixed(2)} measured / ${sim[k].toFixed(2)} simulated`).join('; ');
  return { run, bad, detail };
}

describe.concurrent('path calibration: real clients through an idle-limited hop against simulate (fast subset)', () => {
  for (const label of ['undici 8', 'httpx2']) {
    it(`${label}: pauses longer than the hop's limit, behind a FIN hop then a silent-rst hop`, async () => {
      const fin = await measuredAndSimulated('fin', label);
      expect(fin.run.requests).toBe(REQUESTS - 1);
      expect(fin.run.failedRequests, fin.detail).toBe(0);
      expect(fin.run.pathClosed).toBeGreaterThanOrEqual(REQUESTS - 1); // the hop did close the idle flows
      expect(fin.bad, fin.detail).toEqual([]);

      const rst = await measuredAndSimulated('silent-rst', label);
      expect(rst.run.staleReuse, rst.detail).toBeGreaterThan(0.3); // the path did bite
      expect(rst.run.failedRequests, rst.detail).toBeGreaterThan(0.3);
      expect(rst.bad, rst.detail).toEqual([]);
    }, 60_000);
  }
});
