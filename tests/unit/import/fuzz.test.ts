/**
 * Imported files are untrusted: for every format, 10⁴ generated inputs (valid-shaped documents with
 * hostile values, truncated documents, arbitrary JSON and raw text) each give a result whose
 * scenarios parse, or an ImportError — never another exception, never a hang.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/core/index.ts';
import { ImportError, fitTraffic, importTraffic, toScenario, type ImportFormat } from '../../../src/core/import/index.ts';

const RUNS = 10_000;

function check(text: string, format: ImportFormat): void {
  let traffic;
  try {
    traffic = importTraffic(text, { format });
  } catch (err) {
    if (err instanceof ImportError) {
      expect(err.message.length).toBeLessThan(2000);
      return;
    }
    throw err;
  }
  const fit = fitTraffic(traffic);
  for (const fitted of [false, true]) {
    const result = parseScenario(toScenario(traffic, fit, { fitted }));
    if (!result.ok) throw new Error(`invalid scenario: ${JSON.stringify(result.errors)}`);
  }
}

/** Values a hostile or broken exporter might write where a field is expected. */
const weird = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '0', '-1', '1e400', 'NaN', '\u0000\n\u2028', 'https://api.anthropic.com/v1/messages', 'http://gw:8080/v1/chat/completions', '/health', '<script>alert(1)</script>', '"quoted"', '9'.repeat(30)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);

/** Mostly the valid value, sometimes a hostile one: inputs must reach the deep code, not stop at the first check. */
function mostly<T>(valid: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: weird });
}

/** The text of a document, now and then cut short. */
const cut = fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) });
function asText(doc: unknown, at: number | null): string {
  const text = JSON.stringify(doc);
  return at === null ? text : text.slice(0, Math.floor(text.length * at));
}

const T0 = 1_796_000_000_000_000_000n;
const nanoPair = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 11n }), fc.bigInt({ min: 0n, max: 10n ** 10n })).map(([s, d]) => [String(T0 + s), String(T0 + s + d)] as const);
const url = fc.constantFrom('https://api.anthropic.com/v1/messages', 'https://api.openai.com/v1/chat/completions', 'http://gw:8080/v1/responses', 'http://gw:8080/healthz', 'https://api.anthropic.com/v1/models', 'ftp://x', 'not a url');
const validAttribute = fc.oneof(
  fc.record({ key: fc.constant('http.request.method'), value: fc.record({ stringValue: fc.constantFrom('POST', 'GET') }) }),
  fc.record({ key: fc.constantFrom('url.full', 'http.url'), value: fc.record({ stringValue: url }) }),
  fc.record({ key: fc.constant('server.address'), value: fc.record({ stringValue: fc.constantFrom('api.anthropic.com', 'gw', '') }) }),
  fc.record({ key: fc.constantFrom('server.port', 'http.response.status_code'), value: fc.record({ intValue: fc.oneof(fc.integer({ min: 0, max: 70000 }), fc.integer().map(String)) }) }),
  fc.record({ key: fc.constantFrom('gen_ai.request.model', 'user.id', 'gen_ai.operation.name'), value: fc.record({ stringValue: fc.string({ maxLength: 70 }) }) }),
  fc.record({ key: fc.constant('http.response.header.content-type'), value: fc.record({ arrayValue: fc.record({ values: fc.array(fc.record({ stringValue: fc.constantFrom('text/event-stream', 'application/json') }), { maxLength: 2 }) }) }) }),
);
const otlpSpan = nanoPair.chain(([start, end]) =>
  fc.record({
    traceId: fc.constantFrom('a', 'b', ''),
    spanId: fc.constantFrom('1', '2', '3'),
    parentSpanId: fc.constantFrom('1', '2', ''),
    kind: mostly(fc.constantFrom(3, 3, 3, 2, 'SPAN_KIND_CLIENT')),
    startTimeUnixNano: mostly(fc.constant(start)),
    endTimeUnixNano: mostly(fc.constant(end)),
    attributes: fc.array(mostly(validAttribute), { maxLength: 7 }),
  }),
);

const otlpText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.array(otlpSpan, { minLength: 1, maxLength: 8 }), cut).map(([spans, at]) => asText({ resourceSpans: [{ scopeSpans: [{ spans }] }] }, at)) },
  { weight: 2, arbitrary: fc.array(fc.array(otlpSpan, { maxLength: 3 }), { maxLength: 3 }).map((docs) => docs.map((spans) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] })).join('\n')) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

const timing = fc.oneof(fc.double({ min: -1, max: 5000, noNaN: true }), fc.constant(-1));
const harEntry = fc.record({
  startedDateTime: mostly(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString())),
  time: mostly(timing),
  request: mostly(
    fc.record({
      method: mostly(fc.constantFrom('POST', 'GET')),
      url: mostly(url),
      postData: mostly(fc.record({ mimeType: fc.constantFrom('application/json', 'text/plain'), text: fc.oneof(fc.record({ model: fc.string({ maxLength: 70 }), stream: fc.boolean() }).map((b) => JSON.stringify(b)), fc.string({ maxLength: 20 })) })),
    }),
  ),
  response: mostly(fc.record({ status: mostly(fc.constantFrom(0, 200, 429)), content: fc.record({ mimeType: fc.constantFrom('text/event-stream', 'application/json', '') }) })),
  timings: mostly(fc.record({ send: mostly(timing), wait: mostly(timing), receive: mostly(timing), blocked: timing })),
});

const harText = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.array(harEntry, { minLength: 1, maxLength: 8 }), cut).map(([entries, at]) => asText({ log: { version: '1.2', entries } }, at)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 60 }) },
);

const validCell: Record<string, fc.Arbitrary<string>> = {
  timestamp: fc.oneof(fc.integer({ min: 0, max: 4_000_000_000 }).map(String), fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString())),
  duration_ms: fc.double({ min: 0.01, max: 100_000, noNaN: true }).map((d) => String(Math.round(d * 1000) / 1000)),
  model: fc.string({ maxLength: 70 }),
  stream: fc.constantFrom('true', 'false', '1', '0', 'maybe'),
  user_id: fc.constantFrom('u1', 'u2', 'u3'),
  url: fc.oneof({ weight: 5, arbitrary: fc.constant('https://api.openai.com/v1/chat/completions') }, { weight: 1, arbitrary: url }),
};
const hostileCell = fc.oneof(fc.constantFrom('', '"a,b"', '"unterminated', 'x""y', '1e5', '9'.repeat(25), '2026-13-45 99:99'), fc.string({ maxLength: 8 }));
const tableColumns = fc.tuple(fc.shuffledSubarray(['model', 'stream', 'user_id', 'url', 'x'], { minLength: 0 }), fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })).map(([extra, both]) => (both ? ['timestamp', 'duration_ms', ...extra] : ['timestamp', ...extra]));
const tableRows = (names: string[]) => fc.array(fc.tuple(...names.map((n) => fc.oneof({ weight: 12, arbitrary: validCell[n] ?? hostileCell }, { weight: 1, arbitrary: hostileCell }))), { minLength: 1, maxLength: 10 });

const csvText = fc.oneof(
  { weight: 9, arbitrary: tableColumns.chain((names) => fc.tuple(fc.constant(names), tableRows(names), fc.constantFrom(',', ';', '\t'))).map(([names, rows, d]) => [names.join(d), ...rows.map((r) => r.map((c) => (c.includes(d) && !c.startsWith('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(d))].join('\n')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
);

const jsonlText = fc.oneof(
  { weight: 8, arbitrary: tableColumns.chain((names) => fc.tuple(fc.constant(names), tableRows(names))).map(([names, rows]) => rows.map((r) => JSON.stringify(Object.fromEntries(names.map((n, i) => [n, n === 'timestamp' || n === 'duration_ms' ? (Number.isFinite(Number(r[i])) && r[i] !== '' ? Number(r[i]) : r[i]) : r[i]])))).join('\n')) },
  { weight: 1, arbitrary: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }).map((vs) => vs.map((v) => JSON.stringify(v)).join('\n')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 80 }) },
);

describe('import fuzzing', () => {
  it.each([
    ['otlp', otlpText],
    ['har', harText],
    ['csv', csvText],
    ['jsonl', jsonlText],
  ] as [ImportFormat, fc.Arbitrary<string>][])('should give a valid scenario or an ImportError for 10⁴ generated %s inputs', (format, texts) => {
    const started = performance.now();
    fc.assert(
      fc.property(texts, (text) => check(text, format)),
      { numRuns: RUNS, seed: 22 },
    );
    // Reported in the README; the assertion only guards against a hang.
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});
