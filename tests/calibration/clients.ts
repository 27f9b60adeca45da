/**
 * Runs one real client: writes the project's exported snippet for the scenario (unchanged) next to
 * its family's calibration driver, and starts the runtime the family's test kit names — undici 8 on
 * Node 22 (tests/fixtures/undici8), undici 7 on this Node 20 (the project's node_modules), httpx 0.28,
 * httpx2 and aiohttp in the Python venv.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSnippetInput, findSnippetTarget, type Scenario } from '../../src/core/index.ts';
import type { CalibrationRuntime } from '../../src/core/clients/testKit.ts';
import { calibrationKit, type CalibrationClient } from './cases.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE_UNDICI8 = join(ROOT, 'tests/fixtures/undici8');
const NODE22 = join(FIXTURE_UNDICI8, 'node_modules/.bin/node');
const VENV_PYTHON = join(ROOT, 'tests/fixtures/python/venv/bin/python');

export interface ClientRecord {
  id: number;
  t0: number;
  t1: number;
  status: number;
}

const runtimeOf = (client: CalibrationClient): CalibrationRuntime => calibrationKit(client).runtimes[client]!;

/** Installs what a client needs if it is missing (Node 22 + undici 8; the Python venv). */
export function ensureRuntime(client: CalibrationClient): void {
  const runtime = runtimeOf(client);
  if (runtime === 'node22' && !(existsSync(NODE22) && existsSync(join(FIXTURE_UNDICI8, 'node_modules/undici/package.json')))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: FIXTURE_UNDICI8, stdio: 'ignore', timeout: 300_000 });
  }
  if (runtime === 'python-venv' && !existsSync(VENV_PYTHON)) {
    execFileSync('bash', [join(ROOT, 'scripts/python-env.sh')], { stdio: 'ignore', timeout: 300_000 });
  }
}

/** Library versions as the runtimes report them, for the report. */
export function versions(): Record<string, string> {
  const read = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  const py = (pkg: string) => {
    try {
      return execFileSync(VENV_PYTHON, ['-c', `import importlib.metadata as m; print(m.version("${pkg}"))`], { encoding: 'utf8' }).trim();
    } catch {
      return 'not installed';
    }
  };
  return {
    'undici 8 (Node 22)': `${read(join(FIXTURE_UNDICI8, 'node_modules/undici/package.json'))} on ${execFileSync(NODE22, ['--version'], { encoding: 'utf8' }).trim()}`,
    'undici 7 (Node 20)': `${read(join(ROOT, 'node_modules/undici/package.json'))} on ${process.version}`,
    httpx: `${py('httpx')} (httpcore ${py('httpcore')})`,
    httpx2: `${py('httpx2')} (httpcore2 ${py('httpcore2')})`,
    aiohttp: py('aiohttp'),
  };
}

function tempDir(under: string): string {
  mkdirSync(under, { recursive: true });
  return mkdtempSync(join(under, 'calib-'));
}

export interface Workload {
  kind: 'users' | 'poisson';
  users?: number;
  thinkSec?: number;
  thinkDist?: string;
  perSec?: number;
  requests: number;
}

/** Runs the client against `scenario.endpoint.baseUrl`; resolves with its per-request records. */
export async function runClient(client: CalibrationClient, scenario: Scenario, workload: Workload, certFile: string, timeoutMs: number): Promise<ClientRecord[]> {
  const runtime = runtimeOf(client);
  const python = runtime === 'python-venv';
  // undici 8 must resolve from the fixture's node_modules, so its run sits there.
  const dir = tempDir(runtime === 'node22' ? join(FIXTURE_UNDICI8, 'runs') : join(ROOT, 'tests/.tmp'));
  const target = findSnippetTarget(client);
  if (!target) throw new Error(`no snippet target ${client}`);
  const snippet = target.generate(buildSnippetInput(scenario));
  writeFileSync(join(dir, python ? 'pool.py' : 'pool.mjs'), snippet);
  copyFileSync(join(ROOT, calibrationKit(client).driver), join(dir, python ? 'driver.py' : 'driver.mjs'));
  const command = python ? VENV_PYTHON : runtime === 'node22' ? NODE22 : process.execPath;
  const args = python ? ['driver.py', join(dir, 'pool.py'), JSON.stringify(workload)] : ['driver.mjs', JSON.stringify(workload)];
  const env: NodeJS.ProcessEnv = { ...process.env, ANTHROPIC_API_KEY: 'test-key-not-secret', NODE_EXTRA_CA_CERTS: certFile, SSL_CERT_FILE: certFile, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) delete env[name];
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(command, args, { cwd: dir, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (c) => {
      clearTimeout(timer);
      done({ code: c, stdout: out, stderr: err });
    });
  });
  if (code !== 0) throw new Error(`${client} driver exited ${code}: ${stderr.slice(-2000)}`);
  return JSON.parse(stdout) as ClientRecord[];
}
