/** Small OTLP/JSON documents for the tests, in the shape the OTLP JSON encoding gives them. */
type Value = string | number | boolean;

export interface SpanSpec {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  kind?: number;
  startMs: number;
  durationMs: number;
  attributes?: Record<string, Value>;
}

const T0_NS = 1_796_000_000_000_000_000n;

function attribute(key: string, value: Value) {
  if (typeof value === 'string') return { key, value: { stringValue: value } };
  if (typeof value === 'boolean') return { key, value: { boolValue: value } };
  return { key, value: Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value } };
}

export function span(spec: SpanSpec) {
  const start = T0_NS + BigInt(Math.round(spec.startMs * 1e6));
  return {
    traceId: spec.traceId ?? 'a'.repeat(32),
    spanId: spec.spanId ?? Math.random().toString(16).slice(2, 18).padEnd(16, '0'),
    ...(spec.parentSpanId && { parentSpanId: spec.parentSpanId }),
    name: 'POST',
    kind: spec.kind ?? 3,
    startTimeUnixNano: String(start),
    endTimeUnixNano: String(start + BigInt(Math.round(spec.durationMs * 1e6))),
    attributes: Object.entries(spec.attributes ?? {}).map(([k, v]) => attribute(k, v)),
  };
}

export function httpSpan(url: string, startMs: number, durationMs: number, extra: Partial<SpanSpec> = {}) {
  return span({ startMs, durationMs, ...extra, attributes: { 'http.request.method': 'POST', 'url.full': url, 'http.response.status_code': 200, ...extra.attributes } });
}

export function otlpDocument(spans: unknown[]) {
  return { resourceSpans: [{ resource: { attributes: [] }, scopeSpans: [{ scope: { name: 'test' }, spans }] }] };
}
