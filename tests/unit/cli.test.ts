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
