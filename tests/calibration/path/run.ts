/**
 * npx tsx tests/calibration/path/run.ts [--mode=fin,…] [--scenario=a,…] [--client=undici,…] [--requests=N]
 *
 * The path experiment of issue #17: real clients, through the latency proxy acting as a middlebox
 * with an idle limit (tests/tools/latency-proxy.ts, `idle`), to the calibration server (HTTPS, HTTP/1.1).
 * Time is scaled as in `npm run calibrate`: limit L = 0.5 s, client keep-alive 2 s, read timeout 1.5 s,
 * RTT 20 ms, one user. Scenarios: (a) pauses of 0.2 s < L; (b) pauses of 0.8 s > L; (c) pauses of 0.2 s
 * and a server that answers 0.8 s after the request (a silent read longer than L). 41, 21 and 11 requests
 * per run (every (c) request does the same thing and the SDKs' take ~6 s each); the first request of a
 * run is its warm-up (it opens the first connection) and is left out of the counts, as compare.ts leaves
 * it out of the simulated ones.
 *
 * Each client runs the project's own snippet for the scenario (buildSnippetInput + the target's
 * generator), changed in two ways only: the read timeout (300 s in every snippet) becomes 1.5 s, and for
 * the SDKs' no-retry runs max_retries=2 becomes max_retries=0. The raw clients run their calibration
 * drivers (src/core/clients/<family>/testing/calibrate.*), the SDKs tests/calibration/path/sdk_driver.py.
 *
 * Counted per request from outside the client (one user: requests are sequential, so everything the
 * proxy and the server saw during [t0, t1] of a request belongs to it):
 * - staleReuse: attempts written into a flow the path had already closed (a request-sized late write,
 *   ≥ 100 bytes, on a closed connection; a TLS close_notify is 24 bytes);
 * - hungRequests: requests with an attempt that could never be answered because a silent hop had
 *   forgotten its flow (a stale attempt under 'silent', or an attempt whose flow a silent hop forgot
 *   while the server was still on it), so the client waited out its read timeout;
 * - retries: attempts beyond the first (attempts = arrivals at the server + stale attempts);
 * - failedRequests: requests that ended in an error; and the mean latency (t1 − t0), failures included.
 * Writes tests/calibration/path/measured.json (a run with any --option writes tests/.tmp/path-measured.json
 * instead) and prints the markdown tables; --report-only re-prints them from measured.json.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { buildSnippetInput, findSnippetTarget, type ClientId } from '../../../src/core/index.ts';
import { startLatencyProxy, type IdleMode, type ProxiedConnection } from '../../tools/latency-proxy.ts';
import { calibrationKit, scenarioFor, type CalibrationCase } from '../cases.ts';
import { driverEnv, ensureRuntime, ROOT, runProcess, versions } from '../clients.ts';
import { makeCertificate, startServer, type ServedRequest } from '../server.ts';

export const LIMIT_SEC = 0.5;
export const KEEPALIVE_SEC = 2;
export const READ_TIMEOUT_SEC = 1.5;
export const RTT_MS = 20;
export const MODES: IdleMode[] = ['fin', 'rst', 'silent', 'silent-rst'];

/** Requests at the start of a run left out of the counts on both sides: the first opens the run's first connection. */
export const WARMUP_REQUESTS = 1;

export interface PathScenario {
  id: 'a' | 'b' | 'c';
  title: string;
  pauseSec: number;
  serviceMs: number;
  /** Requests per run, warm-up included. */
  requests: number;
}
export const SCENARIOS: PathScenario[] = [
  { id: 'a', title: 'pauses 0.2 s < L', pauseSec: 0.2, serviceMs: 20, requests: 41 },
  { id: 'b', title: 'pauses 0.8 s > L', pauseSec: 0.8, serviceMs: 20, requests: 21 },
  { id: 'c', title: 'silent read 0.8 s > L', pauseSec: 0.2, serviceMs: 800, requests: 11 },
];

/** A client of the experiment: a calibrated raw client, or a Python SDK with its retries. */
export interface PathClient {
  label: string;
  client: ClientId;
  maxRetries?: number;
}
export const CLIENTS: PathClient[] = [
  { label: 'undici 8', client: 'undici' },
  { label: 'undici 7', client: 'undici7' },
  { label: 'httpx', client: 'httpx' },
  { label: 'httpx2', client: 'httpx2' },
  { label: 'aiohttp', client: 'aiohttp' },
  { label: 'openai-py (retries 2)', client: 'openai-py', maxRetries: 2 },
  { label: 'openai-py (retries 0)', client: 'openai-py', maxRetries: 0 },
  { label: 'anthropic-py (retries 2)', client: 'anthropic-py', maxRetries: 2 },
  { label: 'anthropic-py (retries 0)', client: 'anthropic-py', maxRetries: 0 },
];

export interface PathCounts {
  /** Requests counted (the warm-up left out). */
  requests: number;
  staleReuse: number;
  hungRequests: number;
  retries: number;
  failedRequests: number;
  meanLatencyMs: number;
  /** Connections the path closed during the run. */
  pathClosed: number;
}

export interface PathRun extends PathCounts {
  mode: IdleMode;
  scenario: PathScenario['id'];
  label: string;
  client: ClientId;
  maxRetries?: number;
  /** Error class names the SDK driver reported (raw drivers report none). */
  errors: string[];
  /** Hung requests whose latency was under 0.9 × the read timeout: the count's evidence and the clock disagree. */
  hungTooFast: number;
  /** Every request of the run, warm-up included, by start time: what compare.ts replays into the simulator. */
  log: RequestLog[];
}

/** One request of a run as read from outside the client (wall-clock ms). */
export interface RequestLog {
  t0: number;
  t1: number;
  ok: boolean;
  /** Attempts written into a flow the path had closed, attempts in all, and whether one waited out the read timeout. */
  stale: number;
  attempts: number;
  hung: boolean;
  /**
   * The last attempt the server saw: whether it opened its connection, when the proxy accepted that
   * connection, and when the attempt's bytes left the client (the proxy's receive time of its last
   * chunk passed on before the server had the request).
   */
  last?: { opened: boolean; acceptedAt: number; leftClient: number };
}

interface ClientRecord {
  id: number;
  t0: number;
  t1: number;
  status: number;
  error?: string | null;
}

const PYTHON = join(ROOT, 'tests/fixtures/python/venv/bin/python');
const NODE22 = join(ROOT, 'tests/fixtures/undici8/node_modules/.bin/node');
const isSdk = (c: ClientId) => c === 'openai-py' || c === 'anthropic-py';

/** The scenario the snippet is generated from: one user, the pause as constant think time, keep-alive 2 s. */
export function pathCase(s: PathScenario, requests: number): CalibrationCase {
  return {
    id: `path-${s.id}`,
    title: s.title,
    protocol: 'h1',
    rttMs: RTT_MS,
    serviceMs: s.serviceMs,
    arrival: { kind: 'users', users: 1, thinkSec: s.pauseSec, thinkDist: 'constant' },
    pool: { maxConnections: 2, maxKeepalive: 2, keepaliveSec: KEEPALIVE_SEC },
    requests,
  };
}

/** The snippet with the experiment's read timeout (and the SDK's retries): every replacement must hit. */
export function experimentSnippet(text: string, c: PathClient): string {
  const edits: [RegExp, string][] = [];
  if (c.client === 'undici' || c.client === 'undici7') {
    edits.push([/headersTimeout: 300_000/, `headersTimeout: ${READ_TIMEOUT_SEC * 1000}`], [/bodyTimeout: 300_000/, `bodyTimeout: ${READ_TIMEOUT_SEC * 1000}`]);
  } else if (c.client === 'aiohttp') edits.push([/sock_read=300\.0/, `sock_read=${READ_TIMEOUT_SEC}`]);
  else edits.push([/read=300\.0/, `read=${READ_TIMEOUT_SEC}`]);
  if (isSdk(c.client)) edits.push([/max_retries=2/, `max_retries=${c.maxRetries ?? 2}`]);
  let out = text;
  for (const [pattern, value] of edits) {
    if (!pattern.test(out)) throw new Error(`${c.label}: the snippet has no ${pattern}`);
    out = out.replace(pattern, value);
  }
  return out;
}

async function runDriver(c: PathClient, s: PathScenario, baseUrl: string, requests: number, certFile: string): Promise<ClientRecord[]> {
  const scenario = scenarioFor(pathCase(s, requests), c.client, baseUrl, 100, 0.1);
  const target = findSnippetTarget(c.client);
  if (!target) throw new Error(`no snippet target ${c.client}`);
  const snippet = experimentSnippet(target.generate(buildSnippetInput(scenario)), c);
  const runtime = isSdk(c.client) ? 'python-venv' : calibrationKit(c.client).runtimes[c.client]!;
  const python = runtime === 'python-venv';
  const under = runtime === 'node22' ? join(ROOT, 'tests/fixtures/undici8/runs') : join(ROOT, 'tests/.tmp');
  mkdirSync(under, { recursive: true });
  const dir = mkdtempSync(join(under, 'path-'));
  writeFileSync(join(dir, python ? 'pool.py' : 'pool.mjs'), snippet);
  const workload = { kind: 'users', users: 1, thinkSec: s.pauseSec, thinkDist: 'constant', requests };
  let args: string[];
  if (isSdk(c.client)) {
    copyFileSync(join(ROOT, 'tests/calibration/path/sdk_driver.py'), join(dir, 'driver.py'));
    args = ['driver.py', join(dir, 'pool.py'), JSON.stringify({ ...workload, api: c.client === 'openai-py' ? 'openai' : 'anthropic' })];
  } else {
    copyFileSync(join(ROOT, calibrationKit(c.client).driver), join(dir, python ? 'driver.py' : 'driver.mjs'));
    args = python ? ['driver.py', join(dir, 'pool.py'), JSON.stringify(workload)] : ['driver.mjs', JSON.stringify(workload)];
  }
  const command = python ? PYTHON : runtime === 'node22' ? NODE22 : process.execPath;
  const env = driverEnv(certFile);
  const { code, stdout, stderr } = await runProcess(command, args, dir, env, 180_000);
  if (code !== 0) throw new Error(`${c.label} driver exited ${code}: ${stderr.slice(-2000)}`);
  return JSON.parse(stdout) as ClientRecord[];
}

/** Late writes of at least this many bytes are a request; smaller ones are TLS alerts (close_notify is 24 bytes). */
const REQUEST_BYTES = 100;

export function countPath(records: ClientRecord[], served: ServedRequest[], connections: ProxiedConnection[]): PathCounts & { hungTooFast: number; log: RequestLog[] } {
  const byPort = new Map<number, ProxiedConnection>();
  for (const c of connections) byPort.set(c.upstreamPort, c);
  const firstOnPort = new Map<number, number>();
  for (const x of [...served].sort((a, b) => a.arrivedAt - b.arrivedAt)) if (!firstOnPort.has(x.port)) firstOnPort.set(x.port, x.arrivedAt);
  const log: RequestLog[] = [];
  for (const r of [...records].sort((a, b) => a.t0 - b.t0)) {
    const inWindow = (t: number) => t >= r.t0 - 1 && t <= r.t1 + 1;
    const arrivals = served.filter((s) => s.id === r.id).sort((a, b) => a.arrivedAt - b.arrivedAt);
    // Stale attempts: a connection the path had closed that received a request-sized write during the request.
    const staleOn = connections.filter((c) => c.pathClosedAt !== undefined && (c.lateWrites ?? []).filter((w) => inWindow(w.at)).reduce((a, w) => a + w.bytes, 0) >= REQUEST_BYTES);
    const silentForgot = (c: ProxiedConnection) => c.pathMode === 'silent' || c.pathMode === 'silent-rst';
    const hung =
      staleOn.some((c) => c.pathMode === 'silent') ||
      arrivals.some((a) => {
        const c = byPort.get(a.port);
        return c !== undefined && silentForgot(c) && c.pathClosedAt !== undefined && c.pathClosedAt > a.arrivedAt && inWindow(c.pathClosedAt);
      });
    const a = arrivals[arrivals.length - 1];
    let last: RequestLog['last'];
    const conn = a && byPort.get(a.port);
    if (a && conn) {
      let leftClient = a.arrivedAt - RTT_MS / 2;
      for (let i = conn.sent.length - 1; i >= 0; i--) {
        if (conn.sent[i]!.forwardedAt <= a.arrivedAt + 0.5) {
          leftClient = conn.sent[i]!.receivedAt;
          break;
        }
      }
      last = { opened: firstOnPort.get(a.port) === a.arrivedAt, acceptedAt: conn.acceptedAt, leftClient };
    }
    log.push({ t0: r.t0, t1: r.t1, ok: r.status === 200, stale: staleOn.length, attempts: arrivals.length + staleOn.length, hung, ...(last ? { last } : {}) });
  }
  return { ...summarise(log), log };
}

/** The counts per request over a run's log, its first WARMUP_REQUESTS left out. */
export function summarise(all: RequestLog[]): PathCounts & { hungTooFast: number } {
  const counted = all.slice(WARMUP_REQUESTS);
  const n = counted.length;
  const per = (f: (r: RequestLog) => number) => (n ? counted.reduce((a, r) => a + f(r), 0) / n : 0);
  return {
    requests: n,
    staleReuse: per((r) => r.stale),
    hungRequests: per((r) => (r.hung ? 1 : 0)),
    retries: per((r) => Math.max(0, r.attempts - 1)),
    failedRequests: per((r) => (r.ok ? 0 : 1)),
    meanLatencyMs: per((r) => r.t1 - r.t0),
    pathClosed: 0,
    hungTooFast: counted.filter((r) => r.hung && r.t1 - r.t0 < 0.9 * READ_TIMEOUT_SEC * 1000).length,
  };
}

export async function runPath(mode: IdleMode, s: PathScenario, c: PathClient, requests: number, certificate: { key: string; cert: string }): Promise<PathRun> {
  const server = await startServer({ protocol: 'h1', serviceMs: s.serviceMs, keepAliveSec: 60, certificate });
  const proxy = await startLatencyProxy({ targetPort: server.port, rttMs: RTT_MS, idle: { idleSec: LIMIT_SEC, onIdle: mode } });
  try {
    const records = await runDriver(c, s, `https://127.0.0.1:${proxy.port}`, requests, certificate.cert);
    const counts = { ...countPath(records, server.served, proxy.connections), pathClosed: proxy.connections.filter((x) => x.pathClosedAt !== undefined).length };
    const errors = [...new Set(records.map((r) => r.error).filter((e): e is string => !!e))];
    return { mode, scenario: s.id, label: c.label, client: c.client, ...(c.maxRetries !== undefined ? { maxRetries: c.maxRetries } : {}), ...counts, errors };
  } finally {
    await proxy.close();
    await server.close();
  }
}

const fmt = (x: number) => (x === 0 ? '0' : x.toFixed(2));

export function renderTable(runs: PathRun[]): string {
  const lines = ['| mode | scenario | client | staleReuse | hungRequests | retries | failedRequests | mean latency ms | path closed | errors (SDK) |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of runs) {
    const title = SCENARIOS.find((s) => s.id === r.scenario)!.title;
    lines.push(`| ${r.mode} | (${r.scenario}) ${title} | ${r.label} | ${fmt(r.staleReuse)} | ${fmt(r.hungRequests)}${r.hungTooFast ? ` (${r.hungTooFast} < 0.9 × timeout)` : ''} | ${fmt(r.retries)} | ${fmt(r.failedRequests)} | ${r.meanLatencyMs.toFixed(0)} | ${r.pathClosed} | ${r.errors.join(', ')} |`);
  }
  return lines.join('\n');
}

/** One table per mode: a row per client, a column per scenario; a cell is staleReuse / hungRequests / retries / failedRequests per request, then the mean latency. */
export function renderPivot(runs: PathRun[]): string {
  const out: string[] = [];
  const cell = (r: PathRun | undefined) => (r ? `${fmt(r.staleReuse)} / ${fmt(r.hungRequests)} / ${fmt(r.retries)} / ${fmt(r.failedRequests)} · ${r.meanLatencyMs.toFixed(0)} ms` : '');
  for (const mode of MODES) {
    const ofMode = runs.filter((r) => r.mode === mode);
    if (!ofMode.length) continue;
    out.push(`**${mode}** (cells: staleReuse / hungRequests / retries / failedRequests per request · mean latency)`, '');
    out.push(`| client | ${SCENARIOS.map((s) => `(${s.id}) ${s.title}`).join(' | ')} | errors (SDK) |`, `|---|${SCENARIOS.map(() => '---').join('|')}|---|`);
    for (const c of CLIENTS) {
      const row = ofMode.filter((r) => r.label === c.label);
      if (!row.length) continue;
      const errors = [...new Set(row.flatMap((r) => r.errors.map((e) => `${e} (${r.scenario})`)))];
      out.push(`| ${c.label} | ${SCENARIOS.map((s) => cell(row.find((r) => r.scenario === s.id))).join(' | ')} | ${errors.join(', ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export interface PathRunOptions {
  modes?: IdleMode[];
  scenarios?: PathScenario[];
  clients?: PathClient[];
  /** Requests per run, warm-up included (default: each scenario's own). */
  requests?: number;
  /** Runs at a time (default 3: more, and the clients' own CPU time starts to move the idle gaps on 2 cores). */
  parallel?: number;
}

/** Runs the experiment (every mode × scenario × client by default); progress on stderr. */
export async function measurePath(o: PathRunOptions = {}): Promise<PathRun[]> {
  const modes = o.modes ?? MODES;
  const scenarios = o.scenarios ?? SCENARIOS;
  const clients = o.clients ?? CLIENTS;
  for (const c of new Set(clients.map((x) => (isSdk(x.client) ? 'httpx2' : x.client)))) ensureRuntime(c as ClientId);
  const dir = join(ROOT, 'tests/.tmp');
  mkdirSync(dir, { recursive: true });
  const certificate = makeCertificate(mkdtempSync(join(dir, 'path-cert-')));
  const jobs = modes.flatMap((mode) => scenarios.flatMap((s) => clients.map((c) => ({ mode, s, c }))));
  const runs: PathRun[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(o.parallel ?? 3, jobs.length) }, async () => {
      while (next < jobs.length) {
        const i = next++;
        const { mode, s, c } = jobs[i]!;
        const started = performance.now();
        runs[i] = await runPath(mode, s, c, o.requests ?? s.requests, certificate);
        const r = runs[i];
        console.error(`${mode.padEnd(10)} (${s.id}) ${c.label.padEnd(26)} stale ${fmt(r.staleReuse)} hung ${fmt(r.hungRequests)} retries ${fmt(r.retries)} failed ${fmt(r.failedRequests)} latency ${r.meanLatencyMs.toFixed(0)} ms ${r.errors.join(',')} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
    }),
  );
  return runs;
}

export const MEASURED_FILE = join(ROOT, 'tests/calibration/path/measured.json');

export interface MeasuredFile {
  limitSec: number;
  keepAliveSec: number;
  readTimeoutSec: number;
  rttMs: number;
  warmupRequests: number;
  versions: Record<string, string>;
  machine: string;
  /** Seconds the runs took in all. */
  seconds: number;
  runs: PathRun[];
}

export function writeMeasured(file: string, runs: PathRun[], seconds: number): void {
  const saved: MeasuredFile = {
    limitSec: LIMIT_SEC,
    keepAliveSec: KEEPALIVE_SEC,
    readTimeoutSec: READ_TIMEOUT_SEC,
    rttMs: RTT_MS,
    warmupRequests: WARMUP_REQUESTS,
    versions: { ...versions(), ...sdkVersions() },
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end`,
    seconds: Math.round(seconds),
    runs,
  };
  // One run per line: readable in a diff, a tenth of the size of an indented file.
  // Times to 0.01 ms (wall-clock ms carry 13 digits of noise otherwise).
  const round = (_: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v);
  const { runs: list, ...head } = saved;
  writeFileSync(file, `${JSON.stringify(head).slice(0, -1)},"runs":[\n${list.map((r) => JSON.stringify(r, round)).join(',\n')}\n]}\n`);
}

async function main(): Promise<void> {
  if (process.argv.includes('--report-only')) {
    const saved = JSON.parse(readFileSync(MEASURED_FILE, 'utf8')) as MeasuredFile;
    console.log(renderPivot(saved.runs));
    return;
  }
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3).split(',');
  const started = performance.now();
  const runs = await measurePath({
    modes: arg('mode') as IdleMode[] | undefined,
    scenarios: SCENARIOS.filter((s) => !arg('scenario') || arg('scenario')!.includes(s.id)),
    clients: CLIENTS.filter((c) => !arg('client') || arg('client')!.includes(c.client) || arg('client')!.includes(c.label)),
    requests: arg('requests') ? Number(arg('requests')![0]) : undefined,
    parallel: arg('parallel') ? Number(arg('parallel')![0]) : undefined,
  });
  const partial = process.argv.some((a) => a.startsWith('--') && !a.startsWith('--parallel='));
  const file = partial ? join(ROOT, 'tests/.tmp/path-measured.json') : MEASURED_FILE;
  writeMeasured(file, runs, (performance.now() - started) / 1000);
  console.error(`wrote ${file}`);
  console.log(renderPivot(runs));
}

function sdkVersions(): Record<string, string> {
  const py = (pkg: string) => {
    try {
      return readFileSync(join(ROOT, 'tests/fixtures/python/venv/.requirements'), 'utf8').match(new RegExp(`^${pkg}==(\\S+)`, 'm'))?.[1] ?? '?';
    } catch {
      return '?';
    }
  };
  return { openai: py('openai'), anthropic: py('anthropic') };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
