import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/core/import/index.ts';

describe('format detection', () => {
  it.each([
    ['{"resourceSpans":[]}', '', 'otlp'],
    ['{\n  "log": {"entries": []}}', '', 'har'],
    ['{"timestamp": 1, "duration_ms": 2}\n', '', 'jsonl'],
    ['timestamp,duration_ms\n1,2\n', '', 'csv'],
    ['anything', 'capture.har', 'har'],
    ['{"a":1}', 'log.csv', 'csv'],
  ])('should read %j (file name %j) as %s', (text, name, format) => {
    expect(detectFormat(text, name)).toBe(format);
  });
});
