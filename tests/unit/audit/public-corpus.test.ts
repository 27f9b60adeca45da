/**
 * The public corpus (tests/fixtures/audit/public/, sources and licences in its SOURCES.md): snippets copied
 * from public repositories, each run in the real library (the test venv, the undici8 Node fixture) by
 * run_public.py / run_public.mjs, which record every client the library builds, the snippet line that built
 * it and the pool read from the library's own objects. The audit, reading the same file without running it,
 * must report that pool at that line, and must flag as per-request exactly the clients the real run builds
 * anew on each call of a request handler. Where it does not, the entry says so (`disagrees`) and the test
 * pins both sides, so a fix shows up as a failing expectation to update.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../../src/core/audit/index.ts';
import type { AuditPool } from '../../../src/core/audit/index.ts';

const root = join(__dirname, '../../..');
const dir = join(root, 'tests/fixtures/audit/public');
const node22 = join(root, 'tests/fixtures/undici8/node_modules/node/bin/node');

/** A call the real run makes twice: `request` runs per request (what it builds each time is per-request), `once` at startup. */
interface Call {
  expr: string;
  kind: 'request' | 'once';
}
interface Entry {
  file: string;
  /** Python: expressions evaluated in the snippet's namespace after it runs. */
  calls?: Call[];
  /** JavaScript: the audit's line → the export holding the dispatcher (called with `call` if given). */
  reads?: Record<number, { export: string; call?: unknown[] }>;
  /** JavaScript: the exported request handler, called twice with this query. */
  request?: { export: string; query: Record<string, string>; line: number };
  /** Where the audit and the real library part ways: what each says, and why. */
  disagrees?: { line: number; audit: Partial<AuditPool> | { perRequest: boolean }; real: Partial<AuditPool> | { perRequest: boolean }; why: string }[];
}

const CORPUS: Entry[] = [
  { file: 'p01_aigen_httpx_http2_singleton.py', calls: [{ expr: 'get_http_client()', kind: 'request' }] },
  { file: 'p02_tabby_openai_plain_http.py' },
  {
    file: 'p03_mini_agent_openai_factory.py',
    calls: [{ expr: 'create_openai_client("sk-test")', kind: 'once' }],
    disagrees: [
      {
        line: 10,
        audit: { perRequest: true },
        real: { perRequest: false },
        why: 'a factory that builds a client on every call; the repository calls it once per LLMClient, in its __init__ (llm_client/llm_client.py), which the audit does not read',
      },
    ],
  },
  {
    file: 'p04_vllm_bench_aiohttp_per_call.py',
    calls: [{ expr: 'async_request_openai_chat_completions(RequestFuncInput(prompt="hi", api_url="http://127.0.0.1:9/v1/chat/completions", prompt_len=1, output_len=1, model="m"))', kind: 'request' }],
  },
  { file: 'p05_vllm_router_aiohttp_unlimited.py', calls: [{ expr: 'AiohttpClientWrapper().start()', kind: 'once' }] },
  { file: 'p06_openai_readme_aiohttp.py', calls: [{ expr: 'main()', kind: 'once' }] },
  { file: 'p07_openai_httpx2_custom_clients.py' },
  { file: 'p08_openai_legacy_httpx_cast.py' },
  { file: 'p09_openai_aiohttp_module.py' },
  { file: 'p10_litellm_custom_session.py' },
  { file: 'p11_litellm_production_session.py' },
  { file: 'p12_litellm_fastapi_lifespan.py', calls: [{ expr: 'lifespan(app).__aenter__()', kind: 'once' }] },
  { file: 'p13_anthropic_stream_default.py' },
  { file: 'p14_learner_dict_anthropic_sync.py' },
  { file: 'j15_massimo_global_agent.mjs', reads: { 9: { export: 'request' } } },
  {
    file: 'j16_qdrant_dispatcher.ts',
    reads: { 17: { export: 'createDispatcher', call: [] } },
    disagrees: [
      {
        line: 17,
        audit: { maxConnections: 'unknown', perHost: 'unknown' },
        real: { maxConnections: 25, perHost: 25 },
        why: 'connections is the arrow function\'s parameter: 25 by default, else what QdrantClient passes; the audit leaves a parameter to run time',
      },
    ],
  },
  { file: 'j17_openagent_pool.ts', reads: { 8: { export: 'pool' } } },
  { file: 'j18_hellowork_per_request.mjs', request: { export: 'default', query: { url: 'http://127.0.0.1:9/' }, line: 11 } },
];

interface Built {
  line: number;
  ctor: string;
  pool: AuditPool;
}
interface PyResult {
  built: Built[];
  calls: Built[][][];
  error?: { error: string; message: string };
}
interface JsResult {
  reads: Record<string, AuditPool>;
  requests: { distinct: boolean; pool: AuditPool }[];
  error?: { error: string; message: string };
}

let py: Record<string, PyResult> = {};
let js: Record<string, JsResult> = {};

const env = { ...process.env, OPENAI_API_KEY: 'sk-test', ANTHROPIC_API_KEY: 'sk-test' }; // placeholders: nothing is sent

beforeAll(() => {
  const python = execFileSync('bash', [join(root, 'scripts/python-env.sh')], { encoding: 'utf8' }).trim();
  const pySpec = CORPUS.filter((e) => e.file.endsWith('.py')).map((e) => ({ file: join(dir, e.file), calls: (e.calls ?? []).map((c) => c.expr) }));
  py = JSON.parse(execFileSync(python, [join(dir, 'run_public.py'), JSON.stringify(pySpec)], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 }));
  const jsSpec = CORPUS.filter((e) => !e.file.endsWith('.py')).map((e) => ({
    file: join(dir, e.file),
    reads: Object.fromEntries(Object.entries(e.reads ?? {}).map(([line, r]) => [line, r])),
    request: e.request ? { export: e.request.export, query: e.request.query } : undefined,
  }));
  js = JSON.parse(execFileSync(node22, [join(dir, 'run_public.mjs'), JSON.stringify(jsSpec)], { encoding: 'utf8', env, cwd: join(root, 'tests/fixtures/undici8'), stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 }));
}, 120_000);

/** Python: the last object the real run built at each line (an SDK is built after the client it wraps), and the lines built anew on each call of a request handler. */
function realPython(entry: Entry): { pools: Map<number, AuditPool>; perRequest: number[] } {
  const result = py[entry.file]!;
  expect(result.error, `${entry.file}: ${JSON.stringify(result.error)}`).toBeUndefined();
  const pools = new Map<number, AuditPool>();
  for (const b of result.built) pools.set(b.line, b.pool);
  const perRequest = new Set<number>();
  (entry.calls ?? []).forEach((call, i) => {
    const [first, second] = result.calls[i]!;
    for (const b of first!) pools.set(b.line, b.pool);
    if (call.kind === 'request') for (const b of first!) if (second!.some((s) => s.line === b.line)) perRequest.add(b.line);
  });
  return { pools, perRequest: [...perRequest].sort((a, b) => a - b) };
}

function realJs(entry: Entry): { pools: Map<number, AuditPool>; perRequest: number[] } {
  const result = js[entry.file]!;
  expect(result.error, `${entry.file}: ${JSON.stringify(result.error)}`).toBeUndefined();
  const pools = new Map<number, AuditPool>(Object.entries(result.reads).map(([line, pool]) => [Number(line), pool]));
  const perRequest: number[] = [];
  if (entry.request) {
    expect(result.requests).toHaveLength(2);
    pools.set(entry.request.line, result.requests[0]!.pool);
    if (result.requests.every((r) => r.distinct)) perRequest.push(entry.request.line);
  }
  return { pools, perRequest };
}

describe('audit public corpus against the real libraries', () => {
  it('should hold at least 16 public snippets across httpx, httpx2, the Python SDKs, aiohttp and undici', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(16);
    const text = CORPUS.map((e) => readFileSync(join(dir, e.file), 'utf8')).join('\n');
    for (const library of ['httpx.', 'httpx2.', 'AsyncOpenAI', 'Anthropic', 'aiohttp.', 'undici']) expect(text).toContain(library);
    const sources = readFileSync(join(dir, 'SOURCES.md'), 'utf8');
    for (const e of CORPUS) expect(sources, `${e.file} is not in SOURCES.md`).toContain(e.file);
  });

  for (const entry of CORPUS) {
    it(`should report what ${entry.file} really builds`, () => {
      const result = audit([{ name: entry.file, text: readFileSync(join(dir, entry.file), 'utf8') }]);
      const real = entry.file.endsWith('.py') ? realPython(entry) : realJs(entry);
      expect(result.clients.length, `${entry.file}: the audit found no client`).toBeGreaterThan(0);
      for (const client of result.clients) {
        const pool = real.pools.get(client.line);
        expect(pool, `${entry.file}: the real run built nothing at line ${client.line}`).toBeDefined();
        const known = entry.disagrees?.find((d) => d.line === client.line && !('perRequest' in d.audit));
        if (known) {
          expect(client.pools[0], `${entry.file}:${client.line}`).toMatchObject(known.audit);
          expect(pool, `${entry.file}:${client.line}`).toMatchObject(known.real);
          const rest = (p: AuditPool) => Object.fromEntries(Object.entries(p).filter(([k]) => !(k in known.audit)));
          expect(rest(client.pools[0]!), `${entry.file}:${client.line}`).toEqual(rest(pool!));
        } else {
          expect(client.pools[0], `${entry.file}:${client.line} (${client.library})`).toEqual(pool);
        }
      }
      const flagged = [...new Set(result.findings.filter((f) => f.kind === 'per-request').map((f) => f.line))].sort((a, b) => a - b);
      const known = entry.disagrees?.filter((d) => 'perRequest' in d.audit) ?? [];
      const expected = real.perRequest.filter((l) => !known.some((d) => d.line === l)).concat(known.filter((d) => (d.audit as { perRequest: boolean }).perRequest).map((d) => d.line));
      for (const d of known) expect(real.perRequest.includes(d.line), `${entry.file}:${d.line} real`).toBe((d.real as { perRequest: boolean }).perRequest);
      expect(flagged, `${entry.file}: per-request lines`).toEqual(expected.sort((a, b) => a - b));
    });
  }
});
