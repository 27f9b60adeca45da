/** Untrusted code: per grammar, 10⁴ generated inputs each end in a result or a clear AuditError, never an exception or a hang. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, AuditError } from '../../../src/core/audit/index.ts';

const PY = ['import httpx', 'from openai import AsyncOpenAI', 'httpx.AsyncClient(', 'httpx.Limits(', 'max_connections=', 'os.getenv("X", "5")', 'AsyncOpenAI(http_client=', 'aiohttp.TCPConnector(limit=', 'N = ', 'N', '(', ')', ',', '*', '//', ' or ', '\n', '    ', 'def f():', 'async with ', ' as c:', '@app.post("/")', '"', "'", '1e309', '-', '=', ':', '[', ']', '{', '}', '\\'];
const JS = ['import { Agent } from "undici";', 'new Agent({', 'connections:', 'keepAliveTimeout:', 'process.env.X', ' ?? ', ' || ', 'new OpenAI({ fetchOptions: { dispatcher:', 'const a = ', 'a', '(', ')', '{', '}', ',', '*', '`${', '`', '=>', 'app.get("/", ', '\n', ';', '"', '...', '/*', '*/', '0x1f', '1_000', 'as number'];

const GO = ['package main\n', 'import "net/http"\n', '&http.Transport{', 'http.Client{Transport: ', 'MaxIdleConnsPerHost: ', 'IdleConnTimeout: ', ' * time.Second', 'http.DefaultTransport.(*http.Transport).Clone()', 't.MaxIdleConns = ', 'openai.NewClient(option.WithHTTPClient(', 'func h(w http.ResponseWriter, r *http.Request) {', 'const n = ', 'n', ':=', '(', ')', '{', '}', ',', '*', '`', '"', '\n', '0x1f', '1_000', '.(', '0755', '2i'];
const JAVA = ['import okhttp3.*;\n', 'class A {', 'new OkHttpClient()', 'new OkHttpClient.Builder()', '.connectionPool(new ConnectionPool(', 'TimeUnit.MINUTES', '.dispatcher(d)', 'd.setMaxRequestsPerHost(', '.build()', '.newBuilder()', 'OpenAIOkHttpClient.builder()', 'static final int N = ', 'N', '@PostMapping("/")', 'String f() {', 'return ', '(', ')', '{', '}', ',', ';', '*', '"', '\n', '5L', '0b101', '->', 'this.'];

const code = (tokens: string[]) => fc.array(fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((t) => t.join(''));

function survives(name: string, text: string): boolean {
  try {
    const r = audit([{ name, text }]);
    return Array.isArray(r.clients) && Array.isArray(r.findings);
  } catch (err) {
    return err instanceof AuditError;
  }
}

describe('audit fuzz', () => {
  const LANGUAGE = { 'f.py': 'Python', 'f.ts': 'TypeScript', 'f.go': 'Go', 'F.java': 'Java' } as const;
  for (const [name, tokens] of [['f.py', PY], ['f.ts', JS], ['f.go', GO], ['F.java', JAVA]] as const) {
    it(`should give a result or a clear error on 10,000 generated ${LANGUAGE[name]} inputs`, () => {
      const started = performance.now();
      fc.assert(fc.property(code(tokens), (text) => survives(name, text)), { numRuns: 10_000, seed: 21 });
      console.log(`${name}: 10,000 inputs in ${Math.round(performance.now() - started)} ms`);
    }, 120_000);
  }

  it('should stay bounded on deep nesting and refuse oversized input', () => {
    expect(survives('deep.py', `x = ${'('.repeat(50_000)}1${')'.repeat(50_000)}\nhttpx.AsyncClient(limits=x)`)).toBe(true);
    expect(survives('deep.ts', `const x = ${'['.repeat(50_000)}`)).toBe(true);
    expect(survives('deep.go', `package main\nvar x = ${'('.repeat(50_000)}1${')'.repeat(50_000)}\nvar t = &http.Transport{MaxIdleConns: x}`)).toBe(true);
    expect(survives('Deep.java', `class A { int x = ${'('.repeat(50_000)}1${')'.repeat(50_000)}; OkHttpClient c = new OkHttpClient.Builder().connectionPool(new ConnectionPool(x, 1, TimeUnit.SECONDS)).build(); }`)).toBe(true);
    // A name defined through itself, and a helper method returning itself, stay unknown rather than recursing.
    expect(audit([{ name: 'self.go', text: 'package main\nvar a = b\nvar b = a * time.Second\nvar t = &http.Transport{IdleConnTimeout: a}' }]).clients[0]!.pools[0]!.keepaliveSec).toBe('unknown');
    expect(audit([{ name: 'Self.java', text: 'class A { static Dispatcher d() { return d(); } OkHttpClient c = new OkHttpClient.Builder().dispatcher(d()).build(); }' }]).clients[0]!.pools[0]!.maxConnections).toBe('unknown');
    expect(() => audit([{ name: 'big.py', text: 'x'.repeat(300_000) }])).toThrow(AuditError);
    // The parsers recurse over the tree: nesting past the cap is refused with its line, never a stack overflow.
    expect(() => audit([{ name: 'deep.py', text: `x = 1\ny = ${'('.repeat(5_000)}1${')'.repeat(5_000)}` }])).toThrow('deep.py: line 2 nests brackets more than 1000 deep');
    expect(audit([{ name: 'ok.py', text: `x = ${'('.repeat(1_000)}1${')'.repeat(1_000)}` }]).clients).toEqual([]);
  });
});
