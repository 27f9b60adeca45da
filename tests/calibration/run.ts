/**
 * npm run calibrate [-- case-id … --client=id,…]: every calibration scenario with every real client, then a few
 * repeats to measure the runs' own noise, then the path cases (tests/calibration/path/); writes docs/calibration.md. Exits 1 if a run disagrees
 * with the simulator beyond the tolerance and the disagreement is not a documented limit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findClient } from '../../src/core/index.ts';
import { ALL_CLIENTS, CASES, clientsFor } from './cases.ts';
import { ensureRuntime, ROOT, versions } from './clients.ts';
import { pathSection } from './path/report.ts';
import { renderReport, type Noise } from './report.ts';
import { runCase, type RunResult } from './session.ts';

/** Repeated to measure run-to-run noise: the issue's own case, with the two Python and one Node client. */
const NOISE_REPEATS: { caseId: string; client: (typeof ALL_CLIENTS)[number]; runs: number }[] = [
  { caseId: 'users-keepalive-cap', client: 'httpx', runs: 3 },
  { caseId: 'users-keepalive-cap', client: 'httpx2', runs: 3 },
  { caseId: 'poisson-small-pool', client: 'undici7', runs: 3 },
];

/** `--report-only` re-renders docs/calibration.md from the last run's saved results (after a clients-table edit). */
const reportOnly = process.argv.includes('--report-only');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
/** `--client=aiohttp,httpx` re-runs those clients only, keeping the saved results of the others. */
const onlyClients = process.argv.find((a) => a.startsWith('--client='))?.slice('--client='.length).split(',') ?? [];
const unknown = onlyClients.filter((id) => !ALL_CLIENTS.includes(id as (typeof ALL_CLIENTS)[number]));
if (unknown.length) throw new Error(`--client: not calibrated: ${unknown.join(', ')} (calibrated: ${ALL_CLIENTS.join(', ')})`);
const cases = only.length ? CASES.filter((c) => only.includes(c.id)) : CASES;
const clientsOf = (c: (typeof CASES)[number]) => clientsFor(c).filter((client) => !onlyClients.length || onlyClients.includes(client));
/** A saved result or repeat this run re-measures (and so replaces). */
const rerun = (caseId: string, client: string) => (!only.length || only.includes(caseId)) && (!onlyClients.length || onlyClients.includes(client));
const partial = only.length > 0 || onlyClients.length > 0;
const saved = join(ROOT, 'tests/.tmp/calibration-results.json');
if (!reportOnly) for (const client of new Set(cases.flatMap(clientsOf))) ensureRuntime(client);

type Saved = { results: RunResult[]; noise: Noise[] };
const load = (): Saved | null => (existsSync(saved) ? (JSON.parse(readFileSync(saved, 'utf8')) as Saved) : null);
const previous = reportOnly ? load() : null;
if (reportOnly && !previous) throw new Error(`--report-only needs ${saved} from an earlier run`);
// Re-running some cases keeps the saved results of the others, so the report always covers every case.
const kept = !reportOnly && partial ? (load()?.results ?? []).filter((r) => !rerun(r.caseId, r.client)) : [];
const results: RunResult[] = previous?.results ?? [];
for (const c of previous ? [] : cases) {
  for (const client of clientsOf(c)) {
    const r = await runCase(c, client);
    results.push(r);
    console.log(`${c.id.padEnd(22)} ${client.padEnd(8)} ${r.ok ? 'agrees ' : 'DIFFERS'} ${r.checks.map((k) => `${k.name} ${k.measured.toFixed(3)}/${k.simulated.toFixed(3)}`).join('; ')} (${r.seconds.toFixed(0)} s)`);
  }
}

results.unshift(...kept);
const noise: Noise[] = previous?.noise ?? (partial ? (load()?.noise ?? []).filter((n) => !rerun(n.caseId, n.client)) : []);
for (const n of previous ? [] : NOISE_REPEATS) {
  const c = CASES.find((x) => x.id === n.caseId);
  if (!c || !rerun(c.id, n.client)) continue;
  const runs = results.filter((r) => r.caseId === n.caseId && r.client === n.client).map((r) => r.measured);
  while (runs.length < n.runs) runs.push((await runCase(c, n.client)).measured);
  noise.push({ caseId: n.caseId, client: n.client, runs });
  console.log(`noise ${n.caseId} ${n.client}: reuse ${runs.map((r) => r.reuse.toFixed(3)).join(', ')}`);
}

/**
 * What each documented limit in the clients table covers: a disagreement outside that scope stays
 * unexplained (exit 1) even if the client has a limit written down for something else.
 */
const LIMIT_SCOPE: Partial<Record<string, { protocol?: 'h1' | 'h2'; checks?: string[] }>> = {
  undici7: { protocol: 'h2' },
  httpx: { checks: ['mean wait ms', 'mean latency ms'] },
  httpx2: { checks: ['mean wait ms', 'mean latency ms'] },
  // Late binding (the clients table): reuse up, new connections down, a wait for the freed connection.
  'go-nethttp': { protocol: 'h1', checks: ['reuse', 'new connections per request', 'mean wait ms'] },
};

// A disagreement is acceptable only where the clients table documents the limit.
const limits: string[] = [];
let unexplained = 0;
for (const r of results.filter((x) => !x.ok)) {
  const documented = (findClient(r.client) as { simulatorLimits?: string } | undefined)?.simulatorLimits;
  const scope = LIMIT_SCOPE[r.client];
  const protocol = CASES.find((c) => c.id === r.caseId)?.protocol;
  const covered =
    documented !== undefined &&
    scope !== undefined &&
    r.measured.failed === 0 &&
    (scope.protocol === undefined || scope.protocol === protocol) &&
    (scope.checks === undefined || r.checks.every((k) => k.ok || scope.checks!.includes(k.name)));
  if (covered) limits.push(`${r.caseId}, ${r.client}: ${documented}`);
  else {
    unexplained++;
    limits.push(`${r.caseId}, ${r.client}: **not explained** — ${r.checks.filter((k) => !k.ok).map((k) => `${k.name} ${k.measured.toFixed(3)} measured, ${k.simulated.toFixed(3)} simulated`).join('; ')}${r.measured.failed ? `; ${r.measured.failed} failed requests` : ''}.`);
  }
}

if (!previous) writeFileSync(saved, JSON.stringify({ results, noise }));
// The path cases (issue #17): measured on a full run, re-read from tests/calibration/path/measured.json otherwise.
const path = await pathSection({ measure: !previous && !partial });
console.log(`path: ${path.agree}/${path.rows} runs agree${path.unexplained.length ? `; not explained: ${path.unexplained.join('; ')}` : ''}`);
const report = renderReport(CASES, results.sort((a, b) => CASES.findIndex((c) => c.id === a.caseId) - CASES.findIndex((c) => c.id === b.caseId)), noise, versions(), limits, path.lines);
writeFileSync(join(ROOT, 'docs/calibration.md'), report);
console.log(`wrote docs/calibration.md (${results.filter((r) => r.ok).length}/${results.length} runs agree)`);
process.exit(unexplained || path.unexplained.length ? 1 : 0);
