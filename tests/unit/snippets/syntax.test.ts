import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSnippetInput, PRESETS, SNIPPET_TARGETS, type Scenario } from '../../../src/core/index.ts';
import { scenarioArb } from '../arbitraries.ts';
import { pythonSyntaxErrors, tempDir, tscSyntaxErrors } from './harness.ts';

const extension = { javascript: 'mjs', typescript: 'ts', python: 'py' } as const;

/** Generates every target for every scenario and syntax-checks them all in two batches. */
function checkAll(scenarios: Scenario[]) {
  const dir = tempDir();
  const scripts: string[] = [];
  const python: string[] = [];
  scenarios.forEach((scenario, i) => {
    const input = buildSnippetInput(scenario);
    for (const target of SNIPPET_TARGETS) {
      const code = target.generate(input);
      if (target.language === 'python') python.push(code);
      else {
        const file = join(dir, `s${i}-${target.id}.${extension[target.language]}`);
        writeFileSync(file, code);
        scripts.push(file);
      }
    }
  });
  return { js: tscSyntaxErrors(scripts), python: pythonSyntaxErrors(python) };
}

/** The same scenario with every name replaced by a plain word. */
function blandNames(s: Scenario): Scenario {
  const rename = new Map<string, string>();
  const plain = (name: string) => rename.get(name) ?? (rename.set(name, `n${rename.size}`), `n${rename.size - 1}`);
  return {
    ...s,
    pool: { ...s.pool, name: plain(s.pool.name) },
    pools: s.pools.map((p) => ({ ...p, name: plain(p.name) })),
    workload: { ...s.workload, classes: s.workload.classes.map((c) => ({ ...c, name: plain(c.name), ...(c.pool !== undefined ? { pool: plain(c.pool) } : {}) })) },
  };
}

describe('generated snippets', () => {
  it('should parse for every preset and target (TypeScript compiler for JS/TS, Python ast)', () => {
    const { js, python } = checkAll(PRESETS.map((p) => p.scenario));
    expect(js).toBe('');
    expect(python).toEqual([]);
  });

  it('should parse with hostile names and keep them inert (same shape as with plain names)', () => {
    const scenarios = fc.sample(scenarioArb, { numRuns: 40, seed: 20261125 });
    const { js, python } = checkAll(scenarios);
    expect(js).toBe('');
    expect(python).toEqual([]);
    for (const scenario of scenarios) {
      const hostile = buildSnippetInput(scenario);
      const plain = buildSnippetInput(blandNames(scenario));
      for (const target of SNIPPET_TARGETS) {
        const a = target.generate(hostile).split('\n');
        const b = target.generate(plain).split('\n');
        // A name that broke out of its literal or comment would add lines or change the code around it.
        expect(a.length).toBe(b.length);
        a.forEach((line, i) => {
          const other = b[i] as string;
          if (line !== other) expect(line.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\b[A-Za-z0-9_]*(Agent|_client)\b/g, 'ID')).toBe(other.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\b[A-Za-z0-9_]*(Agent|_client)\b/g, 'ID'));
        });
      }
    }
  });

  it('should never embed a key, only read the variable the scenario names', () => {
    for (const preset of PRESETS) {
      const input = buildSnippetInput({ ...preset.scenario, endpoint: { baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY' } });
      for (const target of SNIPPET_TARGETS) {
        const code = target.generate(input);
        expect(code).not.toMatch(/sk-[A-Za-z0-9]/);
        if (!target.id.startsWith('monitor')) expect(code).toContain('OPENAI_API_KEY');
      }
    }
  });

  it('should match the reviewed output for each target (snapshots)', async () => {
    for (const presetId of ['chat-app', 'batch', 'backend-api']) {
      const preset = PRESETS.find((p) => p.id === presetId)!;
      const input = buildSnippetInput(preset.scenario);
      for (const target of SNIPPET_TARGETS) {
        await expect(target.generate(input)).toMatchFileSnapshot(`__snapshots__/${presetId}/${target.id}.${extension[target.language]}.txt`);
      }
    }
  });

  it('should export one named client per pool in the two-pool pattern', () => {
    const batch = PRESETS.find((p) => p.id === 'batch')!;
    const input = buildSnippetInput(batch.scenario);
    const js = SNIPPET_TARGETS.find((t) => t.id === 'undici')!.generate(input);
    expect(js).toContain('export const batchAgent = new Agent({');
    expect(js).toContain('export const streamingAgent = new Agent({');
    const py = SNIPPET_TARGETS.find((t) => t.id === 'httpx')!.generate(input);
    expect(py).toContain('batch_client = httpx.AsyncClient(');
    expect(py).toContain('streaming_client = httpx.AsyncClient(');
  });

  it('should size undici 7 as HTTP/1.1 with pipelining 1 even over HTTP/2, and let undici 8 multiplex', () => {
    const api = PRESETS.find((p) => p.id === 'backend-api')!;
    const input = buildSnippetInput(api.scenario);
    const v7 = SNIPPET_TARGETS.find((t) => t.id === 'undici7')!.generate(input);
    const v8 = SNIPPET_TARGETS.find((t) => t.id === 'undici')!.generate(input);
    expect(v7).toMatch(/allowH2: true[\s\S]*pipelining: 1,/);
    expect(v7).toContain('undici issues 4143 and 5390');
    expect(v8).toContain('maxConcurrentStreams: 100');
    expect(v8).not.toContain('pipelining');
  });
});

describe('pool-sizer snippet', () => {
  async function cli(args: string[], stdin = '') {
    const { run } = await import('../../../src/cli/main.ts');
    let stdout = '';
    let stderr = '';
    const code = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => stdin });
    return { code, stdout, stderr };
  }

  it('should print the snippet for every target', async () => {
    for (const target of SNIPPET_TARGETS) {
      const { code, stdout } = await cli(['snippet', target.id, '-'], '{"version":1}');
      expect(code).toBe(0);
      expect(stdout).toContain('generated by pool-sizer');
    }
  });

  it('should exit 2 with one line on an unknown target or a refused value', async () => {
    const unknown = await cli(['snippet', 'curl', '-'], '{}');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown target "curl"');
    const hostile = await cli(['snippet', 'httpx', '-'], JSON.stringify({ endpoint: { baseUrl: 'https://x.com/"; import os' } }));
    expect(hostile.code).toBe(2);
    expect(hostile.stderr.trim().split('\n')).toHaveLength(1);
    expect(hostile.stderr).toContain('endpoint.baseUrl');
  });
});
