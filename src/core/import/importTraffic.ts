/**
 * File → the calls to the API → trace rows, classes and a summary. The one entry point the CLI and
 * the page's worker call; pure, no I/O.
 */
import { LIMITS } from '../scenario/schema.ts';
import { groupCalls } from './classes.ts';
import type { ColumnMapping } from './columns.ts';
import { detectFormat } from './detect.ts';
import { ImportError } from './errors.ts';
import { readHar } from './har.ts';
import { readOtlp } from './otlp.ts';
import { selectCalls, type OriginSeen } from './select.ts';
import { round } from './stats.ts';
import { classSummary, rateOverTime, type ClassSummary, type RateOverTime } from './summary.ts';
import { readCsv, readJsonLines } from './table.ts';
import { countDrop, type Call, type ImportFormat, type ReadResult } from './types.ts';

/** The scenario schema's bound on a trace row's start (traceArrival in schema.ts). */
const TRACE_SPAN_SEC = 1e9;

export interface ImportOptions {
  format?: ImportFormat;
  fileName?: string;
  /** Keep calls to this host (or origin) only. */
  host?: string;
  /** Hosts taken as the provider's, in order of preference. */
  providerHosts?: readonly string[];
  columns?: ColumnMapping;
}

export interface ImportSummary {
  format: ImportFormat;
  /** Spans, entries or rows read. */
  records: number;
  /** HTTP calls found (each counted once). */
  requests: number;
  kept: number;
  dropped: { reason: string; count: number }[];
  origin: string | null;
  why: string;
  origins: OriginSeen[];
  /** The first start as ISO 8601 when the file's clock is the epoch. */
  firstStart: string | null;
  spanSec: number;
  ratePerSec: number;
  rateOverTime: RateOverTime;
  classes: ClassSummary[];
  notes: string[];
}

export interface ImportedClass {
  name: string;
  streaming: boolean | undefined;
  /** Durations in seconds, ascending. */
  durationsSec: Float64Array;
}

export interface ImportedTraffic {
  /** [startSec from the first start, durationSec], by start; at most LIMITS.traceRows. */
  rows: [number, number][];
  /** Every kept call, by start (the fit reads all, even past the trace limit). */
  startsSec: Float64Array;
  durationsSec: Float64Array;
  users: (string | undefined)[] | undefined;
  models: Set<string>;
  paths: Set<string>;
  classes: ImportedClass[];
  summary: ImportSummary;
}

function read(text: string, format: ImportFormat, columns: ColumnMapping | undefined): ReadResult {
  switch (format) {
    case 'otlp':
      return readOtlp(text);
    case 'har':
      return readHar(text);
    case 'csv':
      return readCsv(text, columns);
    case 'jsonl':
      return readJsonLines(text, columns);
  }
}

/** The scenario refuses durations of 0 (cached or aborted) and over an hour; both are counted, not kept. */
function usable(calls: Call[], dropped: Record<string, number>): Call[] {
  return calls.filter((c) => {
    // Under a microsecond is no call that held a connection (and rounds to 0 in the trace).
    if (!(c.durationMs >= 1e-3)) return void countDrop(dropped, 'no duration (cached or aborted)'), false;
    if (c.durationMs > LIMITS.durationSec * 1000) return void countDrop(dropped, 'longer than an hour'), false;
    if (!Number.isFinite(c.startMs)) return void countDrop(dropped, 'no start time'), false;
    return true;
  });
}

export function importTraffic(text: string, options: ImportOptions = {}): ImportedTraffic {
  const format = options.format ?? detectFormat(text, options.fileName);
  const result = read(text, format, options.columns);
  const selection = selectCalls(result.calls, { ...(options.host !== undefined && { host: options.host }), ...(options.providerHosts && { providerHosts: options.providerHosts }) });
  const dropped: Record<string, number> = { ...result.dropped };
  for (const [reason, count] of Object.entries(selection.dropped)) countDrop(dropped, reason, count);
  const calls = usable(selection.calls, dropped).sort((a, b) => a.startMs - b.startMs);
  if (!calls.length) {
    const reasons = Object.entries(dropped).map(([r, c]) => `${c} ${r}`).join(', ');
    throw new ImportError('', `no API calls found among ${result.records} records${reasons ? ` (left out: ${reasons})` : ''}`);
  }
  const notes = [...result.notes];
  const t0 = calls[0]!.startMs;
  const spanMs = calls[calls.length - 1]!.startMs - t0;
  if (spanMs > TRACE_SPAN_SEC * 1000) {
    throw new ImportError('', `the calls span ${Math.round(spanMs / 3.15576e10)} years, more than a trace holds (${TRACE_SPAN_SEC} s): check the start-time column and its unit`);
  }
  const startsSec = new Float64Array(calls.length);
  const durationsSec = new Float64Array(calls.length);
  calls.forEach((c, i) => {
    startsSec[i] = (c.startMs - t0) / 1000;
    durationsSec[i] = c.durationMs / 1000;
  });
  const rowCount = Math.min(calls.length, LIMITS.traceRows);
  if (calls.length > rowCount) {
    countDrop(dropped, `past the trace's ${LIMITS.traceRows} rows (the fit reads them)`, calls.length - rowCount);
    notes.push(`the trace keeps the first ${LIMITS.traceRows} of ${calls.length} calls; the fit and the summary read all`);
  }
  const rows: [number, number][] = new Array(rowCount);
  // Microseconds: finer than any clock these files are written with.
  for (let i = 0; i < rowCount; i++) rows[i] = [Math.round(startsSec[i]! * 1e6) / 1e6, Math.max(1e-6, Math.round(durationsSec[i]! * 1e6) / 1e6)];

  const groups = groupCalls(calls);
  const classes: ImportedClass[] = groups.map((g) => ({
    name: g.name,
    streaming: g.streaming,
    durationsSec: Float64Array.from(g.members, (i) => durationsSec[i]!).sort(),
  }));
  const spanSec = startsSec[startsSec.length - 1]!;
  const users = calls.some((c) => c.user !== undefined) ? calls.map((c) => c.user) : undefined;
  const models = new Set<string>();
  const paths = new Set<string>();
  let streamUnknown = 0;
  for (const c of calls) {
    if (c.model !== undefined) models.add(c.model);
    if (c.path !== undefined) paths.add(c.path);
    if (c.streaming === undefined) streamUnknown++;
  }
  if (streamUnknown > 0 && streamUnknown < calls.length) notes.push('some calls do not say whether they streamed');
  const summary: ImportSummary = {
    format,
    records: result.records,
    requests: result.calls.length,
    kept: calls.length,
    dropped: Object.entries(dropped).map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    origin: selection.origin,
    why: selection.why,
    origins: selection.origins.slice(0, 10),
    // Epoch clocks only: a relative clock (seconds from 0) has no calendar date.
    firstStart: t0 > 1e11 && t0 < 1e13 ? new Date(t0).toISOString() : null,
    spanSec: round(spanSec),
    ratePerSec: round(calls.length > 1 && spanSec > 0 ? (calls.length - 1) / spanSec : calls.length),
    rateOverTime: rateOverTime(startsSec),
    classes: classes.map((c) => classSummary(c.name, c.streaming, c.durationsSec)),
    notes,
  };
  return {
    rows,
    startsSec,
    durationsSec,
    users,
    models,
    paths,
    classes,
    summary,
  };
}
