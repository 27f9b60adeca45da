import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main.ts';
import { HAR_FIXTURE, OTEL_FIXTURE, type Truth } from './realFixtures.ts';

async function cli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin });
  return { code, stdout, stderr };
}

const CSV = 'timestamp,duration_ms,model\n' + Array.from({ length: 40 }, (_, i) => `${1_796_000_000 + i},${800 + (i % 5) * 100},${i % 4 ? 'big' : 'small'}`).join('\n');

describe('pool-sizer import', () => {
  it('should print a scenario replaying the trace with the classes found', async () => {
    const { code, stdout, stderr } = await cli(['import', '-', '--format', 'csv'], CSV);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^pool-sizer import: kept 40 of 40 calls/);
    const scenario = JSON.parse(stdout);
    expect(scenario.workload.arrival.kind).toBe('trace');
    expect(scenario.workload.arrival.rows).toHaveLength(40);
    expect(scenario.workload.classes.map((c: { name: string }) => c.name)).toEqual(['big', 'small']);
  });

  it('should print the fitted arrival with --fit', async () => {
    const { code, stdout } = await cli(['import', '-', '--fit', '--format', 'csv'], CSV);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).workload.arrival).toEqual({ kind: 'poisson', perSec: 1 });
  });

  it('should compose: import | recommend --apply target | snippet httpx2', async () => {
    const imported = await cli(['import', OTEL_FIXTURE.file]);
    expect(imported.code).toBe(0);
    const applied = await cli(['recommend', '-', '--apply', 'target'], imported.stdout);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    const snippet = await cli(['snippet', 'httpx2', '-'], applied.stdout);
    expect(snippet.code).toBe(0);
    expect(snippet.stdout).toContain('max_connections');
  });

  it.each([
    { what: 'OpenTelemetry JS SDK (OTLP/JSON)', truth: OTEL_FIXTURE, writer: '"@opentelemetry/instrumentation-undici"' },
    { what: 'Chromium (HAR 1.2)', truth: HAR_FIXTURE, writer: '"creator":{"name":"Playwright"' },
  ] as { what: string; truth: Truth; writer: string }[])('should recover the real $what fixture: the count exactly, the mean duration within 3 percent and the rate within 10', async ({ truth, writer }) => {
    expect(readFileSync(truth.file, 'utf8')).toContain(writer);
    const traced = JSON.parse((await cli(['import', truth.file])).stdout);
    const rows: [number, number][] = traced.workload.arrival.rows;
    expect(rows).toHaveLength(truth.apiCalls);
    const mean = rows.reduce((s, r) => s + r[1], 0) / rows.length;
    expect(Math.abs(mean / truth.meanDurationSec - 1)).toBeLessThan(0.03);
    const fitted = JSON.parse((await cli(['import', truth.file, '--fit'])).stdout);
    expect(fitted.workload.arrival.kind).toBe('poisson');
    expect(Math.abs(fitted.workload.arrival.perSec / truth.ratePerSec - 1)).toBeLessThan(0.1);
  });

  it('should print what was read and the fit with --summary', async () => {
    const { stdout } = await cli(['import', OTEL_FIXTURE.file, '--summary']);
    const { summary, fit } = JSON.parse(stdout);
    expect(summary.kept).toBe(OTEL_FIXTURE.apiCalls);
    expect(summary.dropped.map((d: { reason: string }) => d.reason)).toEqual(expect.arrayContaining(['GenAI span of a call already counted', 'health check', 'other origin']));
    expect(fit.arrival.goodness.figure).toBe('ks');
  });

  it.each([
    ['a bad line', ['import', '-', '--format', 'jsonl'], '{"timestamp":1,"duration_s":1}\n{oops\n', 'pool-sizer import: stdin line 2: not valid JSON'],
    ['an unknown format', ['import', '-', '--format', 'xml'], '', '--format takes otlp, har, csv, jsonl'],
    ['a missing file', ['import', '/no/such/file.har'], '', 'cannot read /no/such/file.har: no such file'],
    ['no file', ['import'], '', 'missing traffic file'],
    ['a bad mapping', ['import', '-', '--map', 'when'], 'a\n', '--map: expected KEY=COLUMN pairs'],
  ])('should exit 2 with one line on %s', async (_what, args, stdin, expected) => {
    const { code, stdout, stderr } = await cli(args, stdin);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(expected);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
