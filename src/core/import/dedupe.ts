/**
 * One call, one count. A GenAI client span (semantic conventions for generative AI: a CLIENT span
 * with `gen_ai.*` attributes and `server.address`) wraps the HTTP client span of the same request:
 * counting both counts the call twice. Within one trace, a GenAI span is dropped when an HTTP span
 * to the same host overlaps it in time; the HTTP span keeps the GenAI span's model. Two HTTP spans
 * to the same URL where one is the other's parent (two instrumentations of one request) count once,
 * the inner kept.
 */
import { countDrop, type Call } from './types.ts';

export interface ClientSpan {
  call: Call;
  http: boolean;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  host: string | undefined;
  port: number | undefined;
  start: bigint;
  end: bigint;
}

function overlaps(a: ClientSpan, b: ClientSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

function sameHost(a: ClientSpan, b: ClientSpan): boolean {
  return a.host !== undefined && a.host === b.host && (a.port === undefined || b.port === undefined || a.port === b.port);
}

export function dedupeSpans(spans: ClientSpan[], dropped: Record<string, number>): Call[] {
  const byTrace = new Map<string, ClientSpan[]>();
  for (const span of spans) {
    // A span without a trace id shares no trace with anything: key it by itself.
    const key = span.traceId || `#${byTrace.size}`;
    let list = byTrace.get(key);
    if (!list) byTrace.set(key, (list = []));
    list.push(span);
  }
  const calls: Call[] = [];
  for (const list of byTrace.values()) {
    const https = list.filter((s) => s.http);
    const parents = new Set(https.map((s) => s.parentSpanId));
    for (const span of list) {
      if (!span.http) {
        const twin = https.find((h) => sameHost(h, span) && overlaps(h, span));
        if (twin) {
          if (span.call.model !== undefined && twin.call.model === undefined) twin.call.model = span.call.model;
          if (span.call.streaming !== undefined && twin.call.streaming === undefined) twin.call.streaming = span.call.streaming;
          countDrop(dropped, 'GenAI span of a call already counted');
          continue;
        }
      } else if (span.spanId && parents.has(span.spanId)) {
        const child = https.find((h) => h.parentSpanId === span.spanId && h.call.origin === span.call.origin && h.call.path === span.call.path);
        if (child) {
          countDrop(dropped, 'outer span of a call already counted');
          continue;
        }
      }
      calls.push(span.call);
    }
  }
  return calls;
}
