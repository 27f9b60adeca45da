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
function timeMs(value: unknown, where: string, column: string): number {
  const n = asNumber(value);
  if (n !== undefined) {
    const abs = Math.abs(n);
    return abs >= 1e17 ? n / 1e6 : abs >= 1e14 ? n / 1e3 : abs >= 1e11 ? n : n * 1000;
  }
  if (typeof value === 'string' && ISO_DATE.test(value.trim())) {
    const ms = Date.parse(value.trim().replace(' ', 'T'));
    if (Number.isFinite(ms)) return ms;
  }
  throw new ImportError(where, `column "${column.slice(0, 60)}": expected a time (ISO 8601 or epoch number; got ${shown(value)})`);
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

interface Row {
  get(column: string): unknown;
}

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

function buildReader(mapping: ColumnMapping, result: ReadResult, sample: number[]) {
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
  return (row: Row, where: string): Call | undefined => {
    const startMs = timeMs(row.get(mapping.timestamp!), where, mapping.timestamp!);
    let durationMs: number;
    if (durationColumn) {
      const d = asNumber(row.get(durationColumn));
      if (d === undefined) throw new ImportError(where, `column "${durationColumn.slice(0, 60)}": expected a duration (got ${shown(row.get(durationColumn))})`);
      durationMs = d * UNIT_MS[unit];
    } else durationMs = timeMs(row.get(mapping.end!), where, mapping.end!) - startMs;
    if (durationMs < 0) throw new ImportError(where, 'negative duration');
    const call: Call = { startMs, durationMs };
    const url = mapping.url ? text(row.get(mapping.url)) : undefined;
    const parts = url ? parseUrl(url) : undefined;
    if (parts) {
      call.origin = parts.origin;
      call.path = parts.path;
    } else if (url?.startsWith('/')) call.path = url.split('?')[0]!;
    const path = mapping.path ? text(row.get(mapping.path)) : undefined;
    if (path !== undefined) call.path = path.split('?')[0]!;
    const host = mapping.host ? text(row.get(mapping.host)) : undefined;
    if (host !== undefined && call.origin === undefined) call.origin = (parseUrl(host.includes('://') ? host : `https://${host}`)?.origin) ?? host.toLowerCase();
    const model = mapping.model ? text(row.get(mapping.model)) : undefined;
    if (model !== undefined) call.model = model;
    const streaming = mapping.streaming ? asBoolean(row.get(mapping.streaming)) : undefined;
    if (streaming !== undefined) call.streaming = streaming;
    const user = mapping.user ? text(row.get(mapping.user)) : undefined;
    if (user !== undefined) call.user = user;
    const status = mapping.status ? asNumber(row.get(mapping.status)) : undefined;
    if (status !== undefined) call.status = status;
    return call;
  };
}

function tooMany(result: ReadResult, where: string): void {
  if (++result.records > IMPORT_LIMITS.records) throw new ImportError(where, `more than ${IMPORT_LIMITS.records} rows`);
}

function lineCheck(line: string, where: string): void {
  if (line.length > IMPORT_LIMITS.lineChars) throw new ImportError(where, 'line too long');
}

export function readCsv(input: string, given: ColumnMapping = {}): ReadResult {
  checkSize(input);
  const lines = input.split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.trim() && !l.startsWith('#'));
  if (headerAt < 0) throw new ImportError('', 'empty file (expected a header line, then one request per line)');
  const header = lines[headerAt]!.replace(/^\uFEFF/, '');
  lineCheck(header, `line ${headerAt + 1}`);
  const delimiter = detectDelimiter(header);
  const names = splitCsvLine(header, delimiter, `line ${headerAt + 1}`);
  const mapping = guessMapping(names, given);
  const index = new Map(names.map((n, i) => [n, i] as const));
  const result: ReadResult = { calls: [], records: 0, dropped: {}, notes: [] };
  const rowsOf = (cells: string[]): Row => ({ get: (column) => cells[index.get(column) ?? -1] });
  const sample: number[] = [];
  if (mapping.duration) {
    for (let i = headerAt + 1; i < lines.length && sample.length < 1000; i++) {
      const line = lines[i]!;
      if (!line.trim() || line.startsWith('#')) continue;
      const cells = safeSplit(line, delimiter);
      const d = cells ? asNumber(cells[index.get(mapping.duration)!]) : undefined;
      if (d !== undefined) sample.push(d);
    }
  }
  const read = buildReader(mapping, result, sample);
  for (let i = headerAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.startsWith('#')) continue;
    const where = `line ${i + 1}`;
    lineCheck(line, where);
    tooMany(result, where);
    const cells = splitCsvLine(line, delimiter, where);
    const call = read(rowsOf(cells), where);
    if (call) result.calls.push(call);
  }
  if (!result.records) throw new ImportError('', 'no rows after the header line');
  return result;
}

function safeSplit(line: string, delimiter: string): string[] | undefined {
  try {
    return splitCsvLine(line, delimiter, '');
  } catch {
    return undefined;
  }
}

export function readJsonLines(input: string, given: ColumnMapping = {}): ReadResult {
  checkSize(input);
  const lines = input.split(/\r?\n/);
  const result: ReadResult = { calls: [], records: 0, dropped: {}, notes: [] };
  const objects: { value: Record<string, unknown>; line: number }[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const where = `line ${i + 1}`;
    lineCheck(line, where);
    tooMany(result, where);
    const value = parseJson(line.replace(/^\uFEFF/, ''), i);
    if (!isObject(value)) throw new ImportError(where, 'must be a JSON object');
    objects.push({ value, line: i + 1 });
  });
  if (!objects.length) throw new ImportError('', 'empty file (expected one JSON object per line)');
  const names = [...new Set(objects.slice(0, 100).flatMap((o) => Object.keys(o.value)))];
  const mapping = guessMapping(names, given);
  const sample = mapping.duration ? objects.slice(0, 1000).map((o) => asNumber(o.value[mapping.duration!])).filter((d): d is number => d !== undefined) : [];
  const read = buildReader(mapping, result, sample);
  for (const { value, line } of objects) {
    const call = read({ get: (column) => (Object.prototype.hasOwnProperty.call(value, column) ? value[column] : undefined) }, `line ${line}`);
    if (call) result.calls.push(call);
  }
  return result;
}
