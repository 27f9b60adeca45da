/**
 * The corpus (tests/fixtures/audit/): each snippet runs in the real library (the test venv, the
 * undici8 Node fixture), which reports the pool it built; the audit, reading the same file without
 * running it, must report that pool, and must flag every client built per request.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit/index.ts';

const root = join(__dirname, '../../..');
const dir = join(root, 'tests/fixtures/audit');
const python = execFileSync('bash', [join(root, 'scripts/python-env.sh')], { encoding: 'utf8' }).trim();
const node22 = join(root, 'tests/fixtures/undici8/node_modules/node/bin/node');

/** file → the variable (or export) holding each client, and the line the audit reports it at. */
const CORPUS: { file: string; clients: Record<string, number>; perRequest?: number[]; error?: string }[] = [
  { file: '01_httpx_env_limits.py', clients: { client: 9 } },
  { file: '02_httpx2_http2_plain_http.py', clients: { gateway: 5 } },
  { file: '03_openai_default.py', clients: { client: 5 } },
  { file: '04_openai_bare_httpx2.py', clients: { client: 6 } },
  { file: '05_openai_legacy_httpx.py', clients: { client: 7 } },
  { file: '06_anthropic_default.py', clients: { claude: 5 } },
  { file: '07_anthropic_httpx2_limits.py', clients: { claude: 8 } },
  { file: '08_shared_transport.py', clients: { openai_http: 6, anthropic_http: 7, gemini_http: 8 } },
  { file: '09_no_cap.py', clients: { client: 5 } },
  { file: '10_openai_aiohttp.py', clients: { client: 6 } },
  { file: '11_aiohttp_session.py', clients: { session: 7 } },
  { file: '12_aiohttp_default.py', clients: { session: 5 } },
  { file: '13_per_request_fastapi.py', clients: {}, perRequest: [11] },
  { file: '14_per_call_helper.py', clients: {}, perRequest: [7] },
  { file: '15_anthropic_rejects_httpx.py', clients: {}, error: 'rejected-client' },
  { file: '16_undici_agent.mjs', clients: { openai: 8 } },
  { file: '17_undici_global.mjs', clients: { claude: 8 } },
  { file: '18_undici_per_request.mjs', clients: {}, perRequest: [8] },
  { file: '19_undici_pool.mjs', clients: { pool: 5 } },
];

function realPools(file: string, names: string[]): Record<string, unknown> {
  const path = join(dir, file);
  const out = file.endsWith('.py')
    ? execFileSync(python, [join(dir, 'read_pools.py'), path, ...names], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    : execFileSync(node22, [join(dir, 'read_pools.mjs'), path, ...names], { encoding: 'utf8', cwd: join(root, 'tests/fixtures/undici8'), stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe('audit corpus against the real libraries', () => {
  it('should hold at least 15 snippets across httpx, httpx2, the Python SDKs, aiohttp and undici', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(15);
  });

  for (const entry of CORPUS) {
    it(`should report what ${entry.file} really builds`, () => {
      const text = readFileSync(join(dir, entry.file), 'utf8');
      const result = audit([{ name: entry.file, text }]);
      const names = Object.keys(entry.clients);
      if (names.length > 0) {
        const real = realPools(entry.file, names);
        for (const name of names) {
          const found = result.clients.find((c) => c.line === entry.clients[name]);
          expect(found, `${entry.file}: no client at line ${entry.clients[name]}`).toBeDefined();
          expect(found!.pools[0], `${entry.file} ${name}`).toEqual(real[name]);
        }
      }
      const perRequest = result.findings.filter((f) => f.kind === 'per-request').map((f) => f.line);
      expect(perRequest).toEqual(entry.perRequest ?? []);
      if (entry.error) {
        expect(realPools(entry.file, ['claude'])).toMatchObject({ error: 'TypeError' });
        expect(result.findings.some((f) => f.kind === entry.error && f.severity === 'error')).toBe(true);
      }
    }, 60_000);
  }
});
