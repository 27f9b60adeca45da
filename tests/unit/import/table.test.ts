import { describe, expect, it } from 'vitest';
import { importTraffic, parseMappingText } from '../../../src/core/import/index.ts';

describe('CSV and JSON-lines import', () => {
  it('should guess the columns and the duration unit from the names', () => {
    const csv = 'timestamp,latency_ms,model,stream\n2026-01-01T00:00:00Z,1500,m1,true\n2026-01-01T00:00:02Z,500,m2,false\n';
    const t = importTraffic(csv, { fileName: 'log.csv' });
    expect(t.rows).toEqual([
      [0, 1.5],
      [2, 0.5],
    ]);
    expect(t.classes.map((c) => c.name)).toEqual(['m1 · streamed', 'm2 · not streamed']);
    expect(t.summary.notes[0]).toContain('duration: "latency_ms" (ms)');
  });

  it('should read epoch numbers in any of the four units and quoted CSV fields', () => {
    const csv = 'ts;duration_s;model\n1796000000000000000;0,5;x\n"1796000001000000000";"2";"a ""quoted"" model"\n';
    expect(() => importTraffic(csv, { format: 'csv' })).toThrow(/line 2: column "duration_s": expected a duration/);
    const ok = 'ts,duration_s,model\n1796000000000000000,0.5,x\n"1796000001000000000","2","a ""quoted"" model"\n';
    const t = importTraffic(ok, { format: 'csv' });
    expect(t.rows).toEqual([
      [0, 0.5],
      [1, 2],
    ]);
    expect(t.classes.map((c) => c.name).sort()).toEqual(['a "quoted" model', 'x']);
  });

  it('should follow a mapping given by the user over the guess', () => {
    const jsonl = '{"t":0,"took":2000,"u":"a"}\n{"t":5,"took":1000,"u":"b"}\n';
    const t = importTraffic(jsonl, { format: 'jsonl', columns: parseMappingText('timestamp=t,duration=took,durationUnit=ms,user=u') });
    expect(t.rows).toEqual([
      [0, 2],
      [5, 1],
    ]);
    expect(t.users).toEqual(['a', 'b']);
  });

  it('should compute durations from an end column when there is no duration column', () => {
    const t = importTraffic('start,end\n2026-01-01T00:00:00Z,2026-01-01T00:00:03Z\n', { format: 'csv' });
    expect(t.rows).toEqual([[0, 3]]);
  });

  it('should keep every row of a log that names no host', () => {
    const t = importTraffic('{"timestamp":"2026-01-01T00:00:00Z","duration_ms":10}\n', { format: 'jsonl' });
    expect(t.summary.origin).toBeNull();
    expect(t.summary.why).toContain('names no hosts');
  });

  it.each([
    ['no start column', 'a,b\n1,2\n', 'csv', /no start-time column/],
    ['no duration column', 'timestamp,b\n1,2\n', 'csv', /no duration or end-time column/],
    ['a bad time on line 3', 'timestamp,duration_s\n1,2\nnever,2\n', 'csv', /^line 3: column "timestamp": expected a time/],
    ['an unterminated quote', 'timestamp,duration_s\n"1,2\n', 'csv', /^line 2: unterminated quoted field/],
    ['a JSON line that is not an object', '{"timestamp":1,"duration_s":1}\n[1]\n', 'jsonl', /^line 2: must be a JSON object/],
    ['broken JSON on line 2', '{"timestamp":1,"duration_s":1}\n{"timestamp":\n', 'jsonl', /^line 2: not valid JSON/],
    ['a mapped column that is missing', 'timestamp,duration_s\n1,2\n', 'csv', /column "nope" \(for model\) is not in the file/],
  ])('should refuse %s with one clear message', (_what, text, format, message) => {
    const columns = String(_what).includes('mapped') ? { model: 'nope' } : {};
    expect(() => importTraffic(text, { format: format as 'csv' | 'jsonl', columns })).toThrow(message);
  });
});
