/**
 * OTLP/JSON traces: the collector's file exporter (one ExportTraceServiceRequest per line) and
 * OTLP/HTTP JSON bodies (one document). Shape per the OTLP specification's JSON encoding:
 * `resourceSpans[].scopeSpans[].spans[]`, 64-bit times as decimal strings, span `kind` as the enum's
 * number (3 = SPAN_KIND_CLIENT), ids as hex.
 *
 * Attributes read (OpenTelemetry semantic conventions, HTTP client spans, stable since v1.23):
 * `http.request.method`, `url.full`, `server.address`, `server.port`, `http.response.status_code`,
 * and the deprecated `http.method`, `http.url`, `http.status_code`, `net.peer.name`, `net.peer.port`.
 * GenAI client spans (`gen_ai.*`, semantic conventions for generative AI) describe the same call as
 * the HTTP span beneath them; one call is counted once (dedupe.ts).
 */
import { ImportError, IMPORT_LIMITS, checkSize, parseJson } from './errors.ts';
import { isObject, listAt, objectAt, optionalNumber, optionalString, type Json } from './json.ts';
import { countDrop, type Call, type ReadResult } from './types.ts';
import { originOf, parseUrl } from './url.ts';
import { dedupeSpans, type ClientSpan } from './dedupe.ts';

type Attributes = Map<string, unknown>;

/** AnyValue → a plain value (OTLP/JSON: intValue may be a string, arrays are {values: [...]}). */
function anyValue(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  if ('stringValue' in value) return optionalString(value.stringValue);
  if ('intValue' in value) return optionalNumber(value.intValue);
  if ('doubleValue' in value) return optionalNumber(value.doubleValue);
  if ('boolValue' in value) return typeof value.boolValue === 'boolean' ? value.boolValue : undefined;
  if ('arrayValue' in value && isObject(value.arrayValue) && Array.isArray(value.arrayValue.values)) {
    return value.arrayValue.values.slice(0, 16).map(anyValue);
  }
  return undefined;
}

function attributesOf(span: Json, where: string): Attributes {
  const map: Attributes = new Map();
  for (const [i, kv] of listAt(span, 'attributes', where, false).entries()) {
    if (!isObject(kv) || typeof kv.key !== 'string') throw new ImportError(`${where}.attributes[${i}]`, 'must be {key, value}');
    map.set(kv.key, anyValue(kv.value));
  }
  return map;
}

const NANOS = /^\d{1,20}$/;

/** Nanoseconds since the epoch as a BigInt: a float64 would lose the sub-microsecond part of a 2026 time. */
function nanos(span: Json, key: string, where: string): bigint {
  const value = span[key];
  const text = typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? String(value) : value;
  if (typeof text !== 'string' || !NANOS.test(text)) throw new ImportError(`${where}.${key}`, 'must be a whole number of nanoseconds');
  return BigInt(text);
}

function str(attrs: Attributes, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const v = attrs.get(key);
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

function num(attrs: Attributes, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const v = attrs.get(key);
    if (typeof v === 'number') return v;
  }
  return undefined;
}

const CLIENT_KINDS = new Set<unknown>([3, 'SPAN_KIND_CLIENT']);

function hasGenAi(attrs: Attributes): boolean {
  for (const key of attrs.keys()) if (key.startsWith('gen_ai.')) return true;
  return false;
}

/** Where the call went: url.full when present, else server.address/port (the scheme guessed from the port). */
function target(attrs: Attributes): { origin?: string; host?: string; port?: number; path?: string } {
  const url = str(attrs, 'url.full', 'http.url');
  const parsed = url ? parseUrl(url) : undefined;
  const address = str(attrs, 'server.address', 'net.peer.name', 'net.host.name');
  const port = num(attrs, 'server.port', 'net.peer.port');
  if (parsed) return { origin: parsed.origin, host: parsed.host, port: port ?? portOf(parsed.origin), path: str(attrs, 'url.path') ?? parsed.path };
  if (!address) return {};
  const scheme = str(attrs, 'url.scheme', 'http.scheme') ?? (port === undefined || port === 443 ? 'https' : 'http');
  return { origin: originOf(scheme, address, port), host: address.toLowerCase(), port: port ?? (scheme === 'http' ? 80 : 443), path: str(attrs, 'url.path', 'http.target') };
}

function portOf(origin: string): number {
  const m = /:(\d+)$/.exec(origin);
  return m ? Number(m[1]) : origin.startsWith('http:') ? 80 : 443;
}

function streamingOf(attrs: Attributes): boolean | undefined {
  const contentType = attrs.get('http.response.header.content-type');
  const text = Array.isArray(contentType) ? contentType.join(',') : typeof contentType === 'string' ? contentType : undefined;
  if (text !== undefined) return /text\/event-stream/i.test(text);
  const stream = attrs.get('gen_ai.request.stream');
  return typeof stream === 'boolean' ? stream : undefined;
}

function readDocument(doc: unknown, where: string, spans: ClientSpan[], result: ReadResult): void {
  const root = objectAt(doc, where);
  for (const [r, rs] of listAt(root, 'resourceSpans', where).entries()) {
    const rWhere = `${where} resourceSpans[${r}]`;
    const resource = objectAt(rs, rWhere);
    const scopes = resource.scopeSpans !== undefined ? listAt(resource, 'scopeSpans', rWhere) : listAt(resource, 'instrumentationLibrarySpans', rWhere, false);
    for (const [s, ss] of scopes.entries()) {
      const sWhere = `${rWhere}.scopeSpans[${s}]`;
      for (const [i, raw] of listAt(objectAt(ss, sWhere), 'spans', sWhere, false).entries()) {
        const at = `${sWhere}.spans[${i}]`;
        if (++result.records > IMPORT_LIMITS.records) throw new ImportError(at, `more than ${IMPORT_LIMITS.records} spans`);
        const span = objectAt(raw, at);
        if (!CLIENT_KINDS.has(span.kind)) {
          countDrop(result.dropped, 'not a client span');
          continue;
        }
        const start = nanos(span, 'startTimeUnixNano', at);
        const end = nanos(span, 'endTimeUnixNano', at);
        if (end < start) throw new ImportError(`${at}.endTimeUnixNano`, 'is before startTimeUnixNano');
        const attrs = attributesOf(span, at);
        const method = str(attrs, 'http.request.method', 'http.method');
        const genAi = hasGenAi(attrs);
        if (!method && !genAi) {
          countDrop(result.dropped, 'client span that is not HTTP');
          continue;
        }
        const where_ = target(attrs);
        const call: Call = {
          startMs: Number(start / 1000n) / 1000,
          durationMs: Number(end - start) / 1e6,
          ...(where_.origin !== undefined && { origin: where_.origin }),
          ...(where_.path !== undefined && { path: where_.path.split('?')[0] }),
          ...(method !== undefined && { method }),
        };
        const status = num(attrs, 'http.response.status_code', 'http.status_code');
        if (status !== undefined) call.status = status;
        const model = str(attrs, 'gen_ai.request.model', 'gen_ai.response.model');
        if (model !== undefined) call.model = model;
        const streaming = streamingOf(attrs);
        if (streaming !== undefined) call.streaming = streaming;
        const user = str(attrs, 'user.id', 'session.id', 'enduser.id');
        if (user !== undefined) call.user = user;
        spans.push({
          call,
          http: method !== undefined,
          traceId: optionalString(span.traceId) ?? '',
          spanId: optionalString(span.spanId) ?? '',
          parentSpanId: optionalString(span.parentSpanId) ?? '',
          host: where_.host,
          port: where_.port,
          start,
          end,
        });
      }
    }
  }
}

/** Whole-document JSON (OTLP/HTTP body, possibly pretty-printed), else one document per line (file exporter). */
export function readOtlp(text: string): ReadResult {
  checkSize(text);
  const result: ReadResult = { calls: [], records: 0, dropped: {}, notes: [] };
  const spans: ClientSpan[] = [];
  const lines = text.split('\n');
  const nonEmpty = lines.filter((l) => l.trim()).length;
  let whole: unknown;
  let wholeOk = false;
  if (nonEmpty <= 1 || !looksLikeOneJsonPerLine(lines)) {
    whole = parseJson(text);
    wholeOk = true;
  }
  if (wholeOk) readDocument(whole, 'line 1', spans, result);
  else {
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      if (line.length > IMPORT_LIMITS.lineChars) throw new ImportError(`line ${i + 1}`, 'line too long');
      readDocument(parseJson(line, i), `line ${i + 1}`, spans, result);
    });
  }
  if (result.records === 0) throw new ImportError('', 'no spans found (expected resourceSpans → scopeSpans → spans)');
  result.calls = dedupeSpans(spans, result.dropped);
  return result;
}

/** The file exporter writes each request on one line; a pretty-printed body's first line is just "{". */
function looksLikeOneJsonPerLine(lines: string[]): boolean {
  const first = lines.find((l) => l.trim())?.trim() ?? '';
  return first.startsWith('{') && first.endsWith('}') && first.length > 2;
}
