import { describe, expect, it } from 'vitest';
import { ImportError, importTraffic, readOtlp } from '../../../src/core/import/index.ts';
import { httpSpan, otlpDocument, span } from './otlpBuilders.ts';

const ANTHROPIC = 'https://api.anthropic.com/v1/messages';

describe('OTLP/JSON import', () => {
  it('should read an OTLP/HTTP JSON body with stable and deprecated HTTP attributes', () => {
    const doc = otlpDocument([
      httpSpan(ANTHROPIC, 0, 500),
      span({ startMs: 1000, durationMs: 300, attributes: { 'http.method': 'POST', 'http.url': 'https://api.anthropic.com/v1/messages?beta=true', 'http.status_code': 200 } }),
    ]);
    const traffic = importTraffic(JSON.stringify(doc, null, 2));
    expect(traffic.summary.format).toBe('otlp');
    expect(traffic.rows).toEqual([
      [0, 0.5],
      [1, 0.3],
    ]);
    expect(traffic.summary.origin).toBe('https://api.anthropic.com');
  });

  it('should read the collector file exporter layout, one request per line', () => {
    const lines = [otlpDocument([httpSpan(ANTHROPIC, 0, 200)]), otlpDocument([httpSpan(ANTHROPIC, 100, 400)])].map((d) => JSON.stringify(d)).join('\n');
    expect(importTraffic(lines).rows).toHaveLength(2);
  });

  it('should count a call once when a GenAI span wraps its HTTP span, keeping the model', () => {
    const genAi = span({ traceId: 'b'.repeat(32), spanId: '1'.repeat(16), startMs: 0, durationMs: 510, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'claude-x', 'server.address': 'api.anthropic.com', 'server.port': 443 } });
    const http = httpSpan(ANTHROPIC, 2, 500, { traceId: 'b'.repeat(32), parentSpanId: '1'.repeat(16) });
    const result = readOtlp(JSON.stringify(otlpDocument([genAi, http])));
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]!.model).toBe('claude-x');
    expect(result.calls[0]!.durationMs).toBe(500);
    expect(result.dropped['GenAI span of a call already counted']).toBe(1);
  });

  it('should count once a request that two HTTP instrumentations describe as parent and child', () => {
    const t = 'd'.repeat(32);
    const outer = httpSpan(ANTHROPIC, 0, 520, { traceId: t, spanId: '7'.repeat(16) });
    const inner = httpSpan(ANTHROPIC, 5, 500, { traceId: t, parentSpanId: '7'.repeat(16) });
    const result = readOtlp(JSON.stringify(otlpDocument([outer, inner])));
    expect(result.calls.map((c) => c.durationMs)).toEqual([500]);
    expect(result.dropped['outer span of a call already counted']).toBe(1);
  });

  it('should keep concurrent calls of one trace as separate calls', () => {
    const t = 'c'.repeat(32);
    const result = readOtlp(JSON.stringify(otlpDocument([httpSpan(ANTHROPIC, 0, 500, { traceId: t }), httpSpan(ANTHROPIC, 10, 500, { traceId: t })])));
    expect(result.calls).toHaveLength(2);
  });

  it('should leave out server and internal spans, health checks, non-API paths and other origins, and count each', () => {
    const doc = otlpDocument([
      httpSpan(ANTHROPIC, 0, 500),
      httpSpan('https://api.anthropic.com/health', 10, 5),
      httpSpan('https://api.anthropic.com/v1/models', 20, 5),
      httpSpan('https://db.internal:5432/query', 30, 5),
      span({ kind: 2, startMs: 0, durationMs: 900 }),
      span({ kind: 1, startMs: 0, durationMs: 900 }),
    ]);
    const { summary } = importTraffic(JSON.stringify(doc));
    expect(summary.kept).toBe(1);
    expect(Object.fromEntries(summary.dropped.map((d) => [d.reason, d.count]))).toEqual({ 'not a client span': 2, 'health check': 1, 'not an API path': 1, 'other origin': 1 });
    expect(summary.why).toBe("the provider's host");
  });

  it('should pick the origin with the most API-path requests when no provider host is present, and say so', () => {
    const doc = otlpDocument([httpSpan('http://gateway:8080/v1/chat/completions', 0, 100), httpSpan('http://gateway:8080/v1/chat/completions', 50, 100), httpSpan('http://other:80/v1/chat/completions', 0, 100)]);
    const { summary } = importTraffic(JSON.stringify(doc));
    expect(summary.origin).toBe('http://gateway:8080');
    expect(summary.why).toContain('most requests on API paths');
  });

  it('should keep only the host asked for', () => {
    const doc = otlpDocument([httpSpan(ANTHROPIC, 0, 100), httpSpan('http://gateway:8080/v1/messages', 0, 100)]);
    expect(importTraffic(JSON.stringify(doc), { host: 'gateway' }).summary.origin).toBe('http://gateway:8080');
    expect(() => importTraffic(JSON.stringify(doc), { host: 'nowhere.example' })).toThrow(/--host: no request went to nowhere.example/);
  });

  it('should split classes by model only when the data holds several', () => {
    const a = httpSpan(ANTHROPIC, 0, 100, { attributes: { 'gen_ai.request.model': 'm1' } });
    const b = httpSpan(ANTHROPIC, 10, 100, { attributes: { 'gen_ai.request.model': 'm2' } });
    expect(importTraffic(JSON.stringify(otlpDocument([a, b]))).classes.map((c) => c.name)).toEqual(['m1', 'm2']);
    expect(importTraffic(JSON.stringify(otlpDocument([a]))).classes.map((c) => c.name)).toEqual(['m1']);
  });

  it.each([
    ['broken JSON on a line', `${JSON.stringify(otlpDocument([httpSpan(ANTHROPIC, 0, 1)]))}\n{"resourceSpans": [}\n`, /^line 2: not valid JSON/],
    ['a missing resourceSpans', '{"spans": []}', /^line 1\.resourceSpans: must be a list/],
    ['a bad start time', JSON.stringify(otlpDocument([{ ...httpSpan(ANTHROPIC, 0, 1), startTimeUnixNano: 'soon' }])), /spans\[0\]\.startTimeUnixNano: must be a whole number of nanoseconds/],
    ['an end before the start', JSON.stringify(otlpDocument([{ ...httpSpan(ANTHROPIC, 0, 1), endTimeUnixNano: '1' }])), /endTimeUnixNano: is before startTimeUnixNano/],
  ])('should refuse %s with a message naming where', (_what, text, message) => {
    expect(() => importTraffic(text, { format: 'otlp' })).toThrow(ImportError);
    expect(() => importTraffic(text, { format: 'otlp' })).toThrow(message);
  });
});
