/**
 * One calibration run: server + latency proxy on loopback, one real client through them, then the
 * simulator on the same scenario with the same `client`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { startLatencyProxy } from '../tools/latency-proxy.ts';
import { nominalHoldSec, scenarioFor, type CalibrationCase, type CalibrationClient } from './cases.ts';
import { ROOT, runClient } from './clients.ts';
import { compare, holdMs, measuredFigures, requestTimings, simulatedFigures, WARMUP_SHARE, type Check, type Figures } from './measure.ts';
import { makeCertificate, startServer } from './server.ts';

export interface RunResult {
  caseId: string;
  client: CalibrationClient;
  measured: Figures & { failed: number };
  simulated: Figures;
  checks: Check[];
  ok: boolean;
  seconds: number;
}

let certificate: { key: string; cert: string } | null = null;
function cert() {
  if (!certificate) {
    const dir = join(ROOT, 'tests/.tmp');
    mkdirSync(dir, { recursive: true });
    certificate = makeCertificate(mkdtempSync(join(dir, 'calib-cert-')));
  }
  return certificate;
}

/** Steady-state simulated requests per comparison: enough for stable means (standard error well under 1 %). */
const SIM_REQUESTS = 40_000;

export async function runCase(c: CalibrationCase, client: CalibrationClient, timeoutMs = 120_000): Promise<RunResult> {
  const started = performance.now();
  const certificate = cert();
  const server = await startServer({ protocol: c.protocol, serviceMs: c.serviceMs, keepAliveSec: c.serverIdleSec ?? 60, certificate });
  const proxy = await startLatencyProxy({ targetPort: server.port, rttMs: c.rttMs });
  try {
    const baseUrl = `https://127.0.0.1:${proxy.port}`;
    const workload = { ...c.arrival, requests: c.requests };
    const records = await runClient(client, scenarioFor(c, client, baseUrl, c.requests, WARMUP_SHARE), workload, certificate.cert, timeoutMs);
    const timings = requestTimings(records, server.served, (p) => proxy.byUpstreamPort(p), c.rttMs);
    const measured = measuredFigures(timings, records.length, new Set(server.served.map((s) => s.port)).size);
    // Open arrivals are replayed into the simulator as the run's own trace, so it sees the very same
    // arrivals and hold times: a few hundred Poisson arrivals near saturation vary the mean wait by far
    // more than 20 % from run to run, and so does the client's own time per request (a few ms, more in
    // Python and on a busy machine), since near saturation the wait grows as 1 ÷ (1 − load). What is
    // left to compare is the pool's rule: which request gets a connection, when, and what it costs.
    // A request that opened a connection keeps the nominal hold (its handshake is the simulator's to add).
    // Closed users cannot be replayed (their arrivals depend on the pool), so they run as closed users
    // for a long, steady-state simulation.
    const nominalSec = nominalHoldSec(c);
    const trace =
      c.arrival.kind === 'poisson'
        ? timings.map((r) => [(r.t0 - timings[0]!.t0) / 1000, r.opened ? nominalSec : Math.max(1, holdMs(r)) / 1000] as [number, number])
        : undefined;
    const simulated = simulatedFigures(scenarioFor(c, client, baseUrl, SIM_REQUESTS, WARMUP_SHARE, 1, trace), c.requests);
    const checks = compare(c.protocol, measured, simulated);
    const ok = measured.failed === 0 && checks.every((k) => k.ok);
    return { caseId: c.id, client, measured, simulated, checks, ok, seconds: (performance.now() - started) / 1000 };
  } finally {
    await proxy.close();
    await server.close();
  }
}
