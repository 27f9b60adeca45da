/**
 * Request logs: CSV (a header line, then one request per line) and JSON lines (one object per
 * line), read through a column mapping (columns.ts).
 */
import { ImportError, IMPORT_LIMITS, checkSize, parseJson } from './errors.ts';
import { guessMapping, unitFromName, type ColumnMapping, type Unit } from './columns.ts';
import { detectDelimiter, splitCsvLine } from './csv.ts';
import { isObject } from './json.ts';
import type { Call, ReadResult } from './types.ts';
import { parseUrl } from './url.ts';

const UNIT_MS: Record<Unit, number> = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMBER.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** Epoch numbers by magnitude (s, ms, µs, ns: the four clocks logs use), ISO 8601 strings by Date.parse. */
function timeMs(value: unknown, line: number, column: string): number {
  const n = asNumber(value);
  if (n !== undefined) {
    const abs = Math.abs(n);
    return abs >= 1e17 ? n / 1e6 : abs >= 1e14 ? n / 1e3 : abs >= 1e11 ? n : n * 1000;
  }
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    const ms = Date.parse(value.trim().replace(' ', 'T'));
    if (Number.isFinite(ms)) return ms;
  }
  throw new ImportError(`line ${line}`, `column "${column.slice(0, 60)}": expected a time (ISO 8601 or epoch number; got ${shown(value)})`);
}

function shown(value: unknown): string {
  if (value === undefined || value === '') return 'nothing';
  return JSON.stringify(typeof value === 'string' ? value.slice(0, 40) : value) ?? String(value);
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'y', 'stream', 'streamed', 'sse'].includes(v)) return true;
  if (['false', '0', 'no', 'n', ''].includes(v)) return false;
  return undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Reads one column of a row; built once per column, so no closure is made per row (a million rows). */
type Get = (row: never) => unknown;
type Accessor = (column: string) => Get;

/**
 * Durations whose column names no unit: whole numbers with a median of 50 or more are taken as
 * milliseconds (no AI API call takes 50 s as a median), anything else as seconds; the note says which.
 */
function inferUnit(samples: number[]): Unit {
  if (!samples.length) return 's';
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return samples.every((s) => Number.isInteger(s)) && median >= 50 ? 'ms' : 's';
}

function buildReader(mapping: ColumnMapping, result: ReadResult, sample: number[], accessor: Accessor) {
  const durationColumn = mapping.duration;
  const unit: Unit = mapping.durationUnit ?? (durationColumn ? unitFromName(durationColumn) : undefined) ?? inferUnit(sample);
  if (durationColumn && !mapping.durationUnit && !unitFromName(durationColumn)) {
    result.notes.push(`column "${durationColumn}" states no unit: read as ${unit === 'ms' ? 'milliseconds' : 'seconds'} (override with durationUnit)`);
  }
  const seen = [
    `start: "${mapping.timestamp}"`,
    durationColumn ? `duration: "${durationColumn}" (${unit})` : `end: "${mapping.end}"`,
    ...(['model', 'streaming', 'user', 'url', 'path', 'host', 'status'] as const).filter((k) => mapping[k]).map((k) => `${k}: "${mapping[k]}"`),
  ];
  result.notes.push(`columns ${seen.join(', ')}`);
  const none: Get = () => undefined;
  const get = (column: string | undefined): Get => (column === undefined ? none : accessor(column));
  const timestamp = mapping.timestamp!;
  const getStart = get(timestamp);
  const getDuration = get(durationColumn);
  const getEnd = get(mapping.end);
  const getUrl = get(mapping.url);
  const getPath = get(mapping.path);
  const getHost = get(mapping.host);
  const getModel = get(mapping.model);
  const getStreaming = get(mapping.streaming);
  const getUser = get(mapping.user);
  const getStatus = get(mapping.status);
  const scale = UNIT_MS[unit];
  return (row: never, line: number): Call => {
    const startMs = timeMs(getStart(row), line, timestamp);
    let durationMs: number;
    if (durationColumn) {
      const d = asNumber(getDuration(row));
      if (d === undefined) throw new ImportError(`line ${line}`, `column "${durationColumn.slice(0, 60)}": expected a duration (got ${shown(getDuration(row))})`);
      durationMs = d * scale;
    } else durationMs = timeMs(getEnd(row), line, mapping.end!) - startMs;
    if (durationMs < 0) throw new ImportError(`line ${line}`, 'negative duration');
    const call: Call = { startMs, durationMs };
    const url = text(getUrl(row));
    const parts = url ? parseUrl(url) : undefined;
    if (parts) {
      call.origin = parts.origin;
      call.path = parts.path;
    } else if (url?.startsWith('/')) call.path = url.split('?')[0]!;
    const path = text(getPath(row));
    if (path !== undefined) call.path = path.split('?')[0]!;
    const host = text(getHost(row));
    if (host !== undefined && call.origin === undefined) call.origin = (parseUrl(host.includes('://') ? host : `https://${host}`)?.origin) ?? host.toLowerCase();
    const model = text(getModel(row));
    if (model !== undefined) call.model = model;
    const streaming = asBoolean(getStreaming(row));
    if (streaming !== undefined) call.streaming = streaming;
    const user = text(getUser(row));
    if (user !== undefined) call.user = user;
    const status = asNumber(getStatus(row));
    if (status !== undefined) call.status = status;
    return call;
  };
}

function tooMany(result: ReadResult, line: number): void {
  if (++result.records > IMPORT_LIMITS.records) throw new ImportError(`line ${line}`, `more than ${IMPORT_LIMITS.records} rows`);
}

function lineCheck(line: string, at: number): void {
  if (line.length > IMPORT_LIMITS.lineChars) throw new ImportError(`line ${at}`, 'line too long');
}

/** Lines without a regex split (a million-line file): a trailing \r (CRLF files) is cut per line. */
function splitLines(input: string): string[] {
  const lines = input.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}

export function readCsv(input: string, given: ColumnMapping = {}): ReadResult {
  checkSize(input);
  const lines = splitLines(input);
  const headerAt = lines.findIndex((l) => l.trim() && !l.startsWith('#'));
  if (headerAt < 0) throw new ImportError('', 'empty file (expected a header line, then one request per line)');
  const header = lines[headerAt]!.replace(/^\uFEFF/, '');
  lineCheck(header, headerAt + 1);
  const delimiter = detectDelimiter(header);
  const names = splitCsvLine(header, delimiter, headerAt + 1);
  const mapping = guessMapping(names, given);
  const index = new Map(names.map((n, i) => [n, i] as const));
  const result: ReadResult = { calls: [], records: 0, dropped: {}, notes: [] };
  const accessor: Accessor = (column) => {
    const at = index.get(column) ?? -1;
    return ((cells: string[]) => cells[at]) as Get;
  };
  const sample: number[] = [];
  if (mapping.duration) {
    for (let i = headerAt + 1; i < lines.length && sample.length < 1000; i++) {
      const line = lines[i]!;
      if (!line.trim() || line.startsWith('#')) continue;
      const cells = safeSplit(line, delimiter, i + 1);
      const d = cells ? asNumber(cells[index.get(mapping.duration)!]) : undefined;
      if (d !== undefined) sample.push(d);
    }
  }
  const read = buildReader(mapping, result, sample, accessor);
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.charCodeAt(0) === 35 /* # */) continue;
    lineCheck(line, i + 1);
    tooMany(result, i + 1);
    const cells = splitCsvLine(line, delimiter, i + 1);
    result.calls.push(read(cells as never, i + 1));
  }
  if (!result.records) throw new ImportError('', 'no rows after the header line');
  return result;
}

function safeSplit(line: string, delimiter: string, at: number): string[] | undefined {
  try {
    return splitCsvLine(line, delimiter, at);
  } catch {
    return undefined;
  }
}

export function readJsonLines(input: string, given: ColumnMapping = {}): ReadResult {
  checkSize(input);
  const lines = splitLines(input);
  const result: ReadResult = { calls: [], records: 0, dropped: {}, notes: [] };
  const objects: { value: Record<string, unknown>; line: number }[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    lineCheck(line, i + 1);
    tooMany(result, i + 1);
    const value = parseJson(i === 0 ? line.replace(/^\uFEFF/, '') : line, i);
    if (!isObject(value)) throw new ImportError(`line ${i + 1}`, 'must be a JSON object');
    objects.push({ value, line: i + 1 });
  });
  if (!objects.length) throw new ImportError('', 'empty file (expected one JSON object per line)');
  const names = [...new Set(objects.slice(0, 100).flatMap((o) => Object.keys(o.value)))];
  const mapping = guessMapping(names, given);
  const sample = mapping.duration ? objects.slice(0, 1000).map((o) => asNumber(o.value[mapping.duration!])).filter((d): d is number => d !== undefined) : [];
  const accessor: Accessor = (column) => ((value: Record<string, unknown>) => (Object.prototype.hasOwnProperty.call(value, column) ? value[column] : undefined)) as Get;
  const read = buildReader(mapping, result, sample, accessor);
  for (const { value, line } of objects) result.calls.push(read(value as never, line));
  return result;
}
