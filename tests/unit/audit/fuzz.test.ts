/** Untrusted code: per grammar, 10⁴ generated inputs each end in a result or a clear AuditError, never an exception or a hang. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, AuditError } from '../../../src/core/audit/index.ts';

const PY = ['import httpx', 'from openai import AsyncOpenAI', 'httpx.AsyncClient(', 'httpx.Limits(', 'max_connections=', 'os.getenv("X", "5")', 'AsyncOpenAI(http_client=', 'aiohttp.TCPConnector(limit=', 'N = ', 'N', '(', ')', ',', '*', '//', ' or ', '\n', '    ', 'def f():', 'async with ', ' as c:', '@app.post("/")', '"', "'", '1e309', '-', '=', ':', '[', ']', '{', '}', '\\'];
const JS = ['import { Agent } from "undici";', 'new Agent({', 'connections:', 'keepAliveTimeout:', 'process.env.X', ' ?? ', ' || ', 'new OpenAI({ fetchOptions: { dispatcher:', 'const a = ', 'a', '(', ')', '{', '}', ',', '*', '`${', '`', '=>', 'app.get("/", ', '\n', ';', '"', '...', '/*', '*/', '0x1f', '1_000', 'as number'];

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
  for (const [name, tokens] of [['f.py', PY], ['f.ts', JS]] as const) {
    it(`should give a result or a clear error on 10,000 generated ${name.endsWith('.py') ? 'Python' : 'TypeScript'} inputs`, () => {
      const started = performance.now();
      fc.assert(fc.property(code(tokens), (text) => survives(name, text)), { numRuns: 10_000, seed: 21 });
      console.log(`${name}: 10,000 inputs in ${Math.round(performance.now() - started)} ms`);
    }, 120_000);
  }

  it('should stay bounded on deep nesting and refuse oversized input', () => {
    expect(survives('deep.py', `x = ${'('.repeat(50_000)}1${')'.repeat(50_000)}\nhttpx.AsyncClient(limits=x)`)).toBe(true);
    expect(survives('deep.ts', `const x = ${'['.repeat(50_000)}`)).toBe(true);
    expect(() => audit([{ name: 'big.py', text: 'x'.repeat(300_000) }])).toThrow(AuditError);
    // The parsers recurse over the tree: nesting past the cap is refused with its line, never a stack overflow.
    expect(() => audit([{ name: 'deep.py', text: `x = 1\ny = ${'('.repeat(5_000)}1${')'.repeat(5_000)}` }])).toThrow('deep.py: line 2 nests brackets more than 1000 deep');
    expect(audit([{ name: 'ok.py', text: `x = ${'('.repeat(1_000)}1${')'.repeat(1_000)}` }]).clients).toEqual([]);
  });
});
