/**
 * npx tsx tests/calibration/path/compare.ts: the path experiment (measured.json, from run.ts) against
 * `simulate` on the same scenario — one user, the pause as constant think time, a custom hop
 * { idleSec 0.5, onIdle } before the server's own (60 s), pool.readTimeoutSec 1.5, pool.maxRetries as
 * run (raw clients 0, SDKs 2 or 0), pool.tcpKeepaliveSec 0 (probes never reach the userspace proxy on
 * loopback). Runs from a cold pool with no warm-up dropped, as measured, but of 100 requests (the schema's
 * least; the measured runs had 6), averaged over 20 seeds.
 * Agreement (issue #17): counts per request within 0.1, and exactly 0 where the measured count is 0;
 * mean latency within 20 % or 15 ms. Prints the markdown table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenario, simulate, type Scenario } from '../../../src/core/index.ts';
import { ROOT } from '../clients.ts';
import { KEEPALIVE_SEC, LIMIT_SEC, READ_TIMEOUT_SEC, RTT_MS, SCENARIOS, type PathRun } from './run.ts';

const SEEDS = 20;
/** The scenario's least `sim.requests`: the measured runs had 6, so the simulated runs see the cold start once per 100 requests, not once per 6. */
const SIM_REQUESTS = 100;
const COUNTS = ['staleReuse', 'hungRequests', 'retries', 'failedRequests'] as const;

export function pathScenario(r: PathRun, requests: number, seed: number): Scenario {
  const s = SCENARIOS.find((x) => x.id === r.scenario)!;
  const parsed = parseScenario({
    version: 2,
    client: r.client,
    endpoint: { baseUrl: 'https://127.0.0.1:1' },
    network: { rttMs: RTT_MS, dnsMs: 0, tls: '1.3', middleboxes: [{ kind: 'custom', idleSec: LIMIT_SEC, onIdle: r.mode }, { kind: 'server', idleSec: 60 }] },
    workload: {
      arrival: { kind: 'users', users: 1, thinkSec: s.pauseSec, thinkDist: 'constant' },
      classes: [{ name: 'call', share: 1, duration: { dist: 'constant', meanSec: (s.serviceMs + RTT_MS) / 1000 } }],
    },
    pool: { protocol: 'h1', maxConnections: 2, maxKeepalive: 2, keepaliveSec: KEEPALIVE_SEC, streamsPerConnection: 100, readTimeoutSec: READ_TIMEOUT_SEC, maxRetries: r.maxRetries ?? 0, tcpKeepaliveSec: 0 },
    sim: { requests, warmupShare: 0, seed },
  });
  if (!parsed.ok) throw new Error(`${r.mode} ${r.scenario} ${r.label}: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
}

export function simulatedCounts(r: PathRun, requests: number): Record<(typeof COUNTS)[number] | 'meanLatencyMs', number> {
  const sum = { staleReuse: 0, hungRequests: 0, retries: 0, failedRequests: 0, meanLatencyMs: 0 };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const res = simulate(pathScenario(r, requests, seed));
    const n = res.requests || 1;
    for (const k of COUNTS) sum[k] += res[k] / n;
    sum.meanLatencyMs += res.latencyMs.mean;
  }
  for (const k of Object.keys(sum) as (keyof typeof sum)[]) sum[k] /= SEEDS;
  return sum;
}

const fmt = (x: number) => (x === 0 ? '0' : x.toFixed(2));

function main(): void {
  const saved = JSON.parse(readFileSync(join(ROOT, 'tests/calibration/path/measured.json'), 'utf8')) as { requests: number; runs: PathRun[] };
  const lines = ['| mode | scenario | client | staleReuse m / s | hungRequests m / s | retries m / s | failedRequests m / s | latency ms m / s | agrees |', '|---|---|---|---|---|---|---|---|---|'];
  let disagree = 0;
  for (const r of saved.runs) {
    const sim = simulatedCounts(r, SIM_REQUESTS);
    const bad: string[] = [];
    for (const k of COUNTS) if (r[k] === 0 ? sim[k] !== 0 : Math.abs(r[k] - sim[k]) > 0.1) bad.push(k);
    if (Math.abs(r.meanLatencyMs - sim.meanLatencyMs) > Math.max(15, 0.2 * r.meanLatencyMs)) bad.push('latency');
    if (bad.length) disagree++;
    const pair = (k: (typeof COUNTS)[number]) => `${fmt(r[k])} / ${fmt(sim[k])}${bad.includes(k) ? ' ✗' : ''}`;
    lines.push(`| ${r.mode} | (${r.scenario}) | ${r.label} | ${COUNTS.map(pair).join(' | ')} | ${r.meanLatencyMs.toFixed(0)} / ${sim.meanLatencyMs.toFixed(0)}${bad.includes('latency') ? ' ✗' : ''} | ${bad.length ? 'no' : 'yes'} |`);
  }
  console.log(lines.join('\n'));
  console.error(`${saved.runs.length - disagree} of ${saved.runs.length} agree`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
