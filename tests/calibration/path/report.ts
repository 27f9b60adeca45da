/**
 * The path section of docs/calibration.md (issue #17): `npm run calibrate` (tests/calibration/run.ts)
 * calls pathSection, which measures the path experiment (run.ts here) on a full run, or re-reads
 * tests/calibration/path/measured.json on a partial or --report-only one, and compares every run with
 * `simulate` (compare.ts). `npx tsx tests/calibration/path/report.ts` prints the section from measured.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { compareRuns, COUNTS, renderComparison, SEEDS, TOLERANCE, undiciReadTimeoutSec, type Compared } from './compare.ts';
import { CLIENTS, KEEPALIVE_SEC, LIMIT_SEC, MEASURED_FILE, measurePath, MODES, READ_TIMEOUT_SEC, RTT_MS, SCENARIOS, WARMUP_REQUESTS, writeMeasured, type MeasuredFile, type PathRun } from './run.ts';

/**
 * Why a row may differ, where the cause is known and is not the path model: a row matching `applies`
 * and differing only in `figures` is explained; any other difference is reported as not explained.
 */
interface KnownLimit {
  applies: (r: PathRun) => boolean;
  figures: string[];
  text: string;
}
export const KNOWN_LIMITS: KnownLimit[] = [];

export interface PathSection {
  lines: string[];
  rows: number;
  agree: number;
  /** Differing rows no known limit explains. */
  unexplained: string[];
}

const f1 = (x: number) => x.toFixed(1);

export function renderPathSection(saved: MeasuredFile, compared: Compared[] = compareRuns(saved)): PathSection {
  const countsAgree = compared.filter((x) => !x.bad.some((b) => b !== 'latency')).length;
  const latencyAgree = compared.filter((x) => !x.bad.includes('latency')).length;
  const agree = compared.filter((x) => !x.bad.length).length;
  const notes: string[] = [];
  const unexplained: string[] = [];
  for (const x of compared.filter((y) => y.bad.length)) {
    const r = x.run;
    const what = x.bad.map((b) => (b === 'latency' ? `mean latency ${r.meanLatencyMs.toFixed(0)} ms measured, ${x.simulated.meanLatencyMs.toFixed(0)} simulated` : `${b} ${r[b].toFixed(2)} measured, ${x.simulated[b].toFixed(2)} simulated`)).join('; ');
    const limit = KNOWN_LIMITS.find((k) => k.applies(r) && x.bad.every((b) => k.figures.includes(b)));
    const row = `${r.mode} (${r.scenario}), ${r.label}: ${what}`;
    if (limit) notes.push(`- ${row}. ${limit.text}`);
    else {
      notes.push(`- ${row}: **not explained**.`);
      unexplained.push(row);
    }
  }
  const hangSec = undiciReadTimeoutSec(READ_TIMEOUT_SEC);
  // Where the path acted (a reconnect, a stale attempt, a cut or hang, a retry), the simulator supplies the time.
  const acted = compared.filter((x) => x.run.scenario !== 'a');
  const gap = (x: Compared) => (x.run.meanLatencyMs - x.simulated.meanLatencyMs) / x.run.meanLatencyMs;
  const worst = acted.reduce<Compared | undefined>((w, x) => (!w || Math.abs(gap(x)) > Math.abs(gap(w)) ? x : w), undefined);
  const resetRows = compared.filter((x) => x.run.mode === 'silent-rst' && x.run.scenario === 'b' && !x.run.maxRetries).map((x) => x.simulated.meanLatencyMs - x.run.meanLatencyMs);
  const failedGaps = compared.filter((x) => x.run.failedRequests === 1).map((x) => x.run.meanLatencyMs - x.simulated.meanLatencyMs);
  const lines = [
    '## The path: idle limits, stale connections, silent reads and retries',
    '',
    'Issue #17: a middlebox between client and API that ends idle flows. Each run: the calibration server (HTTP/1.1 only)',
    'behind the latency proxy acting as one middlebox (tests/tools/latency-proxy.ts, option `idle`: when no byte has',
    'passed for its limit it closes the flow with a FIN (`fin`), an RST (`rst`), forgets it and tells nobody (`silent`,',
    'a home NAT), or forgets it and answers the client\'s next packet with an RST (`silent-rst`, an AWS NAT gateway)),',
    'and one real client running the project\'s own snippet for the scenario with two edits only: the read timeout',
    `(300 s in every snippet) becomes ${READ_TIMEOUT_SEC} s, and for the SDKs' no-retry runs \`max_retries=2\` becomes \`max_retries=0\`.`,
    'Raw clients run their calibration drivers, the OpenAI and Anthropic Python SDKs (on httpx2) tests/calibration/path/sdk_driver.py.',
    `Time is scaled as above: hop limit L = ${LIMIT_SEC} s, client keep-alive ${KEEPALIVE_SEC} s, RTT ${RTT_MS} ms, one user, server keep-alive 60 s.`,
    '',
    ...SCENARIOS.map((s) => `- (${s.id}) ${s.title}: pauses of ${s.pauseSec} s between requests, the server answers ${s.serviceMs} ms after the request; ${s.requests} requests per run.`),
    '',
    `Every mode (${MODES.join(', ')}) × scenario × client (${CLIENTS.map((c) => c.label).join(', ')}): ${saved.runs.length} runs.`,
    `Measurement: \`npx tsx tests/calibration/path/run.ts\` (${Math.round(saved.seconds / 60)} min, 3 runs at a time; \`--mode=\`, \`--scenario=\`,`,
    '`--client=` narrow it), which `npm run calibrate` runs on a full run and re-reads from tests/calibration/path/measured.json',
    'otherwise; `npx tsx tests/calibration/path/compare.ts` prints the table alone. Read from outside the client, per request',
    `(one user, so all the proxy and the server saw during a request is its own); the first ${WARMUP_REQUESTS === 1 ? 'request' : `${WARMUP_REQUESTS} requests`} of a run (it opens the first`,
    'connection) is the warm-up on both sides:',
    '',
    '- **staleReuse**: attempts written into a flow the hop had already closed (a request-sized late write on it);',
    '- **hungRequests**: requests with an attempt a silent hop could never answer (a stale attempt under `silent`, or a flow',
    '  forgotten while the server was on it), so the client waited out its read timeout;',
    '- **retries**: attempts beyond the first (arrivals at the server + stale attempts − 1); **failedRequests**: ended in an error;',
    '- **mean latency**: from the call to its end, failures included.',
    '',
    'The simulator replays each run as the open-arrival cases above are replayed: the measured start of every request, and',
    'as its hold time what the request took (from the call for one that found its connection, from the proxy accepting the',
    'connection less the 2 round trips of handshake the simulator adds for one that opened it, from its last attempt\'s',
    'bytes leaving the client for a retried one; the nominal server delay + one round trip for a failed one), so the',
    'clients\' own CPU time and the cold start are the run\'s, and what is compared is the path: which attempt meets a',
    'closed or forgotten flow, how long it takes to fail, and what the client does next. The scenario: `network.middleboxes:',
    `[{ kind: 'custom', idleSec: ${LIMIT_SEC}, onIdle }, { kind: 'server', idleSec: 60 }]\`, the pool's keep-alive, \`pool.readTimeoutSec\` ${READ_TIMEOUT_SEC},`,
    '`pool.maxRetries` as run (raw clients 0), `pool.tcpKeepaliveSec: 0` (on loopback the kernel answers probes; they never',
    'reach the proxy), a non-streamed class whose first byte comes after the server delay + one round trip; the',
    `same warm-up request left out; mean of ${SEEDS} seeds (only the SDKs' backoff jitter draws from them).`,
    '',
    `undici's read timeout is simulated as ${hangSec.toFixed(3)} s for its ${READ_TIMEOUT_SEC} s: \`headersTimeout\` and \`bodyTimeout\` are undici's`,
    '"fast timers" (lib/dispatcher/client-h1.js: `TIMEOUT_HEADERS = 2 | USE_FAST_TIMER`, set through `timers.setFastTimeout`',
    'whatever the delay), checked on a tick every 499 ms (lib/util/timers.js: `TICK_MS = (RESOLUTION_MS >> 1) - 1`,',
    'identical in 7.30.2 and 8.13.1). A new timer waits for the next tick, is dated one tick back, and fires on the first',
    'tick at or past its delay: with no other fast timer running (one user, between requests) the first tick comes 499 ms',
    `after it is set, so 1.5 s fires after 499 ms × (1 + ⌈(1500 − 499) / 499⌉) = ${(hangSec * 1000).toFixed(0)} ms; measured 2.0–2.05 s. The`,
    'product\'s model keeps the nominal read timeout: on a real path the same ≤ 0.5 s sits on a 300 s timeout.',
    '',
    `Agreement (issue #17): each count per request within ${TOLERANCE.countAbs}, and exactly 0 where the measured count is 0; mean latency`,
    `within ${TOLERANCE.latencyRel * 100} % or ${TOLERANCE.latencyAbsMs} ms. Cells: **measured / simulated**.`,
    '',
    ...renderComparison(compared),
    '',
    `**${agree} of ${compared.length} runs agree on everything**: the counts (${COUNTS.join(', ')}) in ${countsAgree}, the mean latency in ${latencyAgree}.`,
    ...(notes.length ? ['', 'Where they differ:', '', ...notes] : []),
    '',
    'What the latency check tests: a request that succeeded at its first attempt on the connection it found is replayed',
    'with its own measured time, so its latency agrees by construction (the (a) rows). Where the path acts, the simulator',
    'supplies the time — the handshake of the connection reopened after a FIN or RST (fin/rst (b)), the round trip to a',
    'reset (silent-rst (b)), the cut at the hop\'s limit (fin/rst (c)), the read timeout (silent (b), silent and silent-rst',
    '(c)), the SDKs\' backoff and retried attempts — and the clients\' own time is replayed only for their successful attempts.',
    ...(worst
      ? [
          `Over the (b) and (c) rows the largest gap is ${(Math.abs(gap(worst)) * 100).toFixed(0)} % (${worst.run.mode} (${worst.run.scenario}), ${worst.run.label}: ${worst.run.meanLatencyMs.toFixed(0)} ms measured, ${worst.simulated.meanLatencyMs.toFixed(0)} simulated).`,
        ]
      : []),
    ...(failedGaps.length
      ? [
          `In runs where every request failed, measured minus simulated mean latency runs from ${f1(Math.min(...failedGaps))} to +${f1(Math.max(...failedGaps))} ms: a failed`,
          'request has no successful attempt to read its own time from, so its connecting, TLS and error handling in the client',
          'are not replayed (the hold is the nominal server delay + one round trip), the SDKs\' backoff jitter is drawn anew,',
          'the proxy\'s timers fire a few ms late, and undici\'s first tick is not always a full 499 ms away (a tick chain',
          'still running from the previous request fires its read timeout up to one tick early against the model above).',
        ]
      : []),
    ...(resetRows.length
      ? [
          'In silent-rst (b) the simulator charges a reset attempt one round trip (20 ms); the lab\'s hop sits at the client\'s',
          `end of the wire (as a NAT does), so its RST comes back in ~2 ms: the rows without retries measure ${f1(Math.min(...resetRows))}–${f1(Math.max(...resetRows))} ms less than simulated.`,
        ]
      : []),
    '',
    'What the clients did is in tests/calibration/path/README.md (sources cited there).',
    '',
    `Versions: ${Object.entries(saved.versions).map(([k, v]) => `${k} ${v}`).join('; ')}. Machine: ${saved.machine}; loopback only.`,
    '',
  ];
  return { lines, rows: compared.length, agree, unexplained };
}

/** The section, after measuring the path anew when `measure` (a full `npm run calibrate`). */
export async function pathSection(o: { measure: boolean }): Promise<PathSection> {
  if (o.measure) {
    const started = performance.now();
    const runs = await measurePath();
    writeMeasured(MEASURED_FILE, runs, (performance.now() - started) / 1000);
  }
  if (!existsSync(MEASURED_FILE)) return { lines: ['## The path', '', 'Not measured yet: `npx tsx tests/calibration/path/run.ts`.', ''], rows: 0, agree: 0, unexplained: [] };
  return renderPathSection(JSON.parse(readFileSync(MEASURED_FILE, 'utf8')) as MeasuredFile);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await pathSection({ measure: false });
  console.log(s.lines.join('\n'));
  console.error(`${s.agree} of ${s.rows} agree; not explained: ${s.unexplained.length}`);
}
