/** pool-sizer check guards a pool in CI: 1 when a change breaks it, 0 on the fixed code, 2 on bad input. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'audit-check-'));
const scenario = join(dir, 's.json');
writeFileSync(scenario, JSON.stringify({ version: 1, workload: { arrival: { kind: 'poisson', perSec: 20 }, classes: [{ name: 'c', share: 1, streaming: false, duration: { dist: 'exponential', meanSec: 1 } }] }, target: { metric: 'p99QueueWaitMs', value: 100 } }));
const file = (name: string, text: string): string => (writeFileSync(join(dir, name), text), join(dir, name));

const fixed = file('fixed.py', 'import httpx2\nclient = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=60, max_keepalive_connections=60))\n\nasync def handler(q):\n    return await client.get("https://x")\n');
const halved = file('halved.py', 'import httpx2\nclient = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=15, max_keepalive_connections=15))\n');
const moved = file('moved.py', 'import httpx2\nfrom fastapi import FastAPI\napp = FastAPI()\n\n@app.post("/q")\nasync def handler(q):\n    async with httpx2.AsyncClient(limits=httpx2.Limits(max_connections=60, max_keepalive_connections=60)) as client:\n        return await client.get("https://x")\n');

async function check(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(['check', ...args], { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => '' });
  return { code, out, err };
}

describe('pool-sizer check', () => {
  it('should exit 0 on a pool that meets the target, built once', async () => {
    expect((await check(scenario, '--code', fixed)).code).toBe(0);
  });

  it('should exit 1 with the line when the pool is halved below the target', async () => {
    const r = await check(scenario, '--code', halved);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/halved\.py:2: .*misses the target/);
  });

  it('should exit 1 when the client moves into a request handler', async () => {
    const r = await check(scenario, '--code', moved);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/moved\.py:7: per-request/);
  });

  it('should exit 1 when the code keeps connections idle longer than the path allows, and 0 below it', async () => {
    // One user a minute apart behind a NAT that forgets flows idle 30 s: a 120 s keep-alive sends into dead flows.
    const behindNat = file(
      'nat.json',
      JSON.stringify({
        version: 2,
        network: { middleboxes: [{ kind: 'custom', idleSec: 30, onIdle: 'silent-rst' }] },
        workload: { arrival: { kind: 'users', users: 1, thinkSec: 60, thinkDist: 'constant' }, classes: [{ name: 'c', share: 1, streaming: true, duration: { dist: 'constant', meanSec: 1 } }] },
        sim: { requests: 500 },
      }),
    );
    const long = file('long.py', 'import httpx2\nclient = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=10, max_keepalive_connections=10, keepalive_expiry=120))\n');
    const short = file('short.py', 'import httpx2\nclient = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=10, max_keepalive_connections=10, keepalive_expiry=20))\n');
    const r = await check(behindNat, '--code', long);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/long\.py:2: httpx2\.AsyncClient: loses requests on the path \(\d+ failed .*keep-alive 120 s outlasts a middlebox’s 30 s/);
    expect((await check(behindNat, '--code', short)).code).toBe(0);
  });

  it('should exit 2 with one line on a bad scenario', async () => {
    const bad = file('bad.json', '{"version":1,"pool":{"maxConnections":0}}');
    const r = await check(bad, '--code', fixed);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });

  it('should print ::error lines when GITHUB_ACTIONS is set', async () => {
    process.env.GITHUB_ACTIONS = 'true';
    try {
      expect((await check(scenario, '--code', halved)).out).toMatch(/^::error file=.*halved\.py,line=2::/m);
    } finally {
      delete process.env.GITHUB_ACTIONS;
    }
  });
});
