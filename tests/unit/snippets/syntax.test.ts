/**
 * Every target for every preset and for random hostile scenarios (tenant pools included) parses:
 * JavaScript and TypeScript through the TypeScript compiler, Python through the venv's ast, Go through
 * gofmt (which must leave it unchanged), Java through javac. Names
 * that try to break out of their literal or comment must leave the code around them unchanged.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnippetInput, LANGUAGES, PRESETS, SNIPPET_TARGETS, type Scenario } from '../../../src/core/index.ts';
import { scenarioArb } from '../arbitraries.ts';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { OKHTTP_CLASSPATH } from '../../../src/core/clients/okhttp/testing/index.ts';
import { ensurePython, pythonSyntaxErrors, tempDir, tscSyntaxErrors } from './harness.ts';

/** What a checker printed on failure, or '' (and '' when the toolchain is missing: .ci/run installs it). */
function toolErrors(command: string, args: string[], cwd?: string): string {
  if (!existsSync(command) || args.length === 0) return '';
  try {
    execFileSync(command, args, { encoding: 'utf8', stdio: 'pipe', cwd });
    return '';
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || String(err);
  }
}

/**
 * gofmt -e parses Go and reports every syntax error; -l lists (never rewrites) each file gofmt would
 * change, which fails too: a pasted snippet must survive the user's first save untouched.
 */
function goSyntaxErrors(files: string[]): string {
  const gofmt = '/usr/lib/go-1.19/bin/gofmt';
  if (!existsSync(gofmt) || files.length === 0) return '';
  const r = spawnSync(gofmt, ['-e', '-l', ...files], { encoding: 'utf8' });
  const listed = r.stdout.split('\n').filter((l) => l.endsWith('.go')).map((f) => `not gofmt-formatted: ${f}`);
  return [r.stderr.trim(), ...listed].filter(Boolean).join('\n');
}
/** javac against OkHttp 3.13's jar: the snippets' Java must compile, not only parse. */
const javaCompileErrors = (files: string[], dir: string) => (OKHTTP_CLASSPATH.every(existsSync) ? toolErrors('/usr/bin/javac', ['-cp', OKHTTP_CLASSPATH.join(':'), '-d', join(dir, 'classes'), ...files]) : '');

beforeAll(() => void ensurePython(), 300_000);

/** Generates every target for every scenario and syntax-checks them all in two batches. */
function checkAll(scenarios: Scenario[]) {
  const dir = tempDir();
  const scripts: string[] = [];
  const python: string[] = [];
  const go: string[] = [];
  const java: string[] = [];
  scenarios.forEach((scenario, i) => {
    const input = buildSnippetInput(scenario);
    for (const target of SNIPPET_TARGETS) {
      const code = target.generate(input);
      const language = LANGUAGES[target.language];
      if (language.syntaxChecker === 'python-ast') python.push(code);
      else if (language.syntaxChecker === 'gofmt') {
        const file = join(dir, `s${i}-${target.id}.go`);
        writeFileSync(file, code);
        go.push(file);
      } else if (language.syntaxChecker === 'javac') {
        // One javac run for all: each copy gets its own class name (the hostile-name test compares the code as generated).
        const file = join(dir, `AiPool${i}.java`);
        writeFileSync(file, code.replace(/\bAiPool\b/g, `AiPool${i}`));
        java.push(file);
      } else {
        const file = join(dir, `s${i}-${target.id}.${language.extension}`);
        writeFileSync(file, code);
        scripts.push(file);
      }
    }
  });
  return { js: tscSyntaxErrors(scripts) + goSyntaxErrors(go) + javaCompileErrors(java, dir), python: pythonSyntaxErrors(python) };
}

/** Every other scenario split into tenant pools, so the factories are checked too. */
function withTenants(s: Scenario, i: number): Scenario {
  if (i % 2 === 0) return s;
  const cap = Math.max(1, Math.floor(s.pool.maxConnections / 3));
  return { ...s, pool: { ...s.pool, tenants: 3 + (i % 4), perTenantMaxConnections: cap, poolTimeoutSec: 7.5 } };
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

/** Identifiers derived from pool names, and string literals, reduced to placeholders. */
function shape(line: string): string {
  return line
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\b[A-Za-z0-9_]*(AgentForTenant|Agents|Agent|ClientForTenant|Clients|Client|_client_for_tenant|_clients|_client)\b/g, 'ID');
}

describe('generated snippets', () => {
  it('should parse for every preset and target (TypeScript compiler for JS/TS, Python ast)', () => {
    const { js, python } = checkAll(PRESETS.map((p) => p.scenario));
    expect(js).toBe('');
    expect(python).toEqual([]);
  });

  it('should parse with hostile names, tenant pools included, and keep names inert (same shape as with plain names)', () => {
    const scenarios = fc.sample(scenarioArb, { numRuns: 40, seed: 20261125 }).map(withTenants);
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
          if (line !== other) expect(shape(line)).toBe(shape(other));
        });
      }
    }
  });

  it('should match the reviewed output for every preset and target (snapshots)', async () => {
    for (const preset of PRESETS) {
      const input = buildSnippetInput(preset.scenario);
      for (const target of SNIPPET_TARGETS) {
        await expect(target.generate(input)).toMatchFileSnapshot(`__snapshots__/${preset.id}/${target.id}.${LANGUAGES[target.language].extension}.txt`);
      }
    }
  });
});
