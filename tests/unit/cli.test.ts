import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.ts';

async function cli(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin });
  return { code, stdout, stderr };
}

describe('pool-sizer recommend', () => {
  it('should print the worked example as JSON with its steps', async () => {
    const { code, stdout, stderr } = await cli(['recommend', '-'], '{"version":1}');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ poolSize: 27, maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120 });
    expect(out.steps.map((s: { key: string }) => s.key)).toContain('maxKeepalive');
  });

  it('should read a scenario file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pool-sizer-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ version: 1, workload: { arrival: { kind: 'poisson', perSec: 5 } } }));
    const { code, stdout } = await cli(['recommend', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).poolSize).toBe(40);
  });

  it.each([
    ['an invalid field', ['recommend', '-'], '{"pool":{"maxConnections":0}}', 'pool.maxConnections: must be at least 1'],
    ['broken JSON', ['recommend', '-'], '{', 'not valid JSON'],
    ['a missing file', ['recommend', '/no/such/file.json'], '', 'cannot read /no/such/file.json: no such file'],
    ['no scenario argument', ['recommend'], '', 'missing scenario'],
    ['an unknown command', ['frobnicate'], '', 'unknown command "frobnicate"'],
  ])('should exit 2 with one line on %s', async (_what, args, stdin, expected) => {
    const { code, stdout, stderr } = await cli(args, stdin);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(expected);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('should run as the installed bin with exit code 2 and no stack trace', () => {
    const bin = join(process.cwd(), 'bin', 'pool-sizer.mjs');
    const ok = spawnSync(process.execPath, [bin, 'recommend', '-'], { input: '{"version":1}', encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).maxConnections).toBe(30);
    const bad = spawnSync(process.execPath, [bin, 'recommend', '-'], { input: '{"workload":{"arrival":{"kind":"users","users":-5,"thinkSec":30}}}', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('pool-sizer recommend: invalid scenario: workload.arrival.users: must be at least 1');
  });
});

describe('pool-sizer recommend --apply and compare (through the real bin)', () => {
  const bin = join(process.cwd(), 'bin', 'pool-sizer.mjs');
  const runBin = (args: string[], input: string) => spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8' });

  it('should print the scenario with the formula’s proposal in its pools, ready for snippet', () => {
    const out = runBin(['recommend', '-', '--apply', 'formula'], JSON.stringify({ version: 1, pool: { maxConnections: 7, maxKeepalive: 3 } }));
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout).pool).toMatchObject({ maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120 });
    const snippet = runBin(['snippet', 'undici', '-'], out.stdout);
    expect(snippet.status).toBe(0);
    expect(snippet.stdout).toMatch(/connections: 30\b/);
  });

  it('should apply the target-based size and refuse an unknown proposal with one line', () => {
    const applied = runBin(['recommend', '-', '--apply', 'target'], JSON.stringify({ version: 1, sim: { requests: 20000 } }));
    expect(applied.status).toBe(0);
    expect(JSON.parse(applied.stdout).pool.maxConnections).toBeGreaterThan(27);
    const bad = runBin(['recommend', '-', '--apply', 'guess'], '{"version":1}');
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe('pool-sizer recommend: --apply takes formula or target (got "guess")');
  });

  it('should compare the client’s defaults, your pool and the recommendation on the same traffic', () => {
    const scenario = { version: 1, workload: { arrival: { kind: 'users', users: 1, thinkSec: 30 } }, pool: { maxConnections: 5, maxKeepalive: 3, keepaliveSec: 120 }, sim: { requests: 2000 } };
    const out = runBin(['compare', '-', '--client', 'anthropic-py'], JSON.stringify(scenario));
    expect(out.stderr).toBe('');
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual(['client', 'yours', 'recommended', 'recommendedPools', 'differences']);
    expect(json.client.reuseRate).toBeLessThan(0.3);
    expect(json.yours.reuseRate).toBeGreaterThan(0.9);
    expect(json.differences.map((d: { id: string }) => d.id)).toContain('reuse');
    const noClient = runBin(['compare', '-'], JSON.stringify(scenario));
    expect(noClient.status).toBe(2);
    expect(noClient.stderr).toContain('choose the client with --client');
    const unknown = runBin(['compare', '-', '--client', 'curl'], JSON.stringify(scenario));
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toContain('unknown client "curl"');
  });
});
