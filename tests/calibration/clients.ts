/**
 * Runs one real client: writes the project's exported snippet for the scenario (unchanged) next to
 * its family's calibration driver, and starts the runtime the family's test kit names — undici 8 on
 * Node 22 (tests/fixtures/undici8), undici 7 on this Node 20 (the project's node_modules), httpx 0.28,
 * httpx2 and aiohttp in the Python venv, Go's net/http on Debian's Go (standard library only, built
 * offline) and OkHttp on the JDK with Debian's jars (both installed by .ci/run).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { buildSnippetInput, findSnippetTarget, type Scenario } from '../../src/core/index.ts';
import type { CalibrationRuntime } from '../../src/core/clients/testKit.ts';
import { OKHTTP_CLASSPATH } from '../../src/core/clients/okhttp/testing/index.ts';
import { calibrationKit, type CalibrationClient } from './cases.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE_UNDICI8 = join(ROOT, 'tests/fixtures/undici8');
const NODE22 = join(FIXTURE_UNDICI8, 'node_modules/.bin/node');
const VENV_PYTHON = join(ROOT, 'tests/fixtures/python/venv/bin/python');
/** Debian's golang-go (as tests/unit/snippets/go-java.test.ts); its build cache is kept between runs. */
const GO = '/usr/lib/go-1.19/bin/go';
const GO_CACHE = join(ROOT, 'tests/.tmp/go-cache');

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
  // Debian packages: .ci/run installs them (golang-go; default-jdk-headless, libokhttp-java, libokio-java).
  if (runtime === 'go' && !existsSync(GO)) throw new Error(`${client}: ${GO} is missing (apt-get install golang-go)`);
  if (runtime === 'java' && !(existsSync('/usr/bin/javac') && OKHTTP_CLASSPATH.every(existsSync))) {
    throw new Error(`${client}: javac or ${OKHTTP_CLASSPATH.join(', ')} missing (apt-get install default-jdk-headless libokhttp-java libokio-java)`);
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
    'Go net/http': run(GO, ['version']).replace(/^go version /, ''),
    OkHttp: `${jarVersion(OKHTTP_CLASSPATH[0]!)} (okio ${jarVersion(OKHTTP_CLASSPATH[1]!)}) on ${run('java', ['-version']).split('\n')[0]}`,
  };
}

/** A command's output (stdout and stderr: `java -version` writes to stderr), or 'not installed'. */
function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8' });
  return r.status === 0 ? `${r.stdout}${r.stderr}`.trim() : 'not installed';
}

/** Debian names a jar's version in the link beside it (okhttp-3.13.1.jar → okhttp.jar). */
function jarVersion(jar: string): string {
  const name = basename(jar, '.jar');
  if (!existsSync(jar)) return 'not installed';
  const versioned = readdirSync(dirname(jar)).find((f) => f.startsWith(`${name}-`) && /^\d/.test(f.slice(name.length + 1)) && realpathSync(join(dirname(jar), f)) === realpathSync(jar));
  return versioned ? versioned.slice(name.length + 1, -'.jar'.length) : 'unknown version';
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

/**
 * Compiled runtimes: the snippet saved under its own file name, the driver beside it, both built, and
 * the command that runs the build. Go: a module `aipooltest` of the snippet's package (aipool/aipool.go)
 * and the driver's main package, built with the module proxy off (standard library only). Java: the
 * snippet and the driver compiled together against OkHttp's and okio's jars; the driver's class is its
 * file name.
 */
function buildCompiled(runtime: 'go' | 'java', dir: string, snippet: string, filename: string, driver: string, env: NodeJS.ProcessEnv): [string, string[]] {
  if (runtime === 'go') {
    const pkg = filename.replace(/\.go$/, '');
    mkdirSync(join(dir, pkg));
    writeFileSync(join(dir, pkg, filename), snippet);
    writeFileSync(join(dir, 'go.mod'), 'module aipooltest\n\ngo 1.19\n');
    copyFileSync(driver, join(dir, 'main.go'));
    const goEnv = { ...env, GOCACHE: GO_CACHE, GOPATH: join(dir, '.gopath'), GOPROXY: 'off', GOFLAGS: '-mod=mod', GO111MODULE: 'on' };
    execFileSync(GO, ['build', '-o', 'driver', '.'], { cwd: dir, env: goEnv, stdio: 'pipe', timeout: 300_000 });
    return [join(dir, 'driver'), []];
  }
  writeFileSync(join(dir, filename), snippet);
  copyFileSync(driver, join(dir, basename(driver)));
  const cp = OKHTTP_CLASSPATH.join(':');
  execFileSync('javac', ['-Xlint:-deprecation', '-cp', cp, '-d', 'out', filename, basename(driver)], { cwd: dir, stdio: 'pipe', timeout: 300_000 });
  return ['java', ['-cp', `out:${cp}`, basename(driver).replace(/\.java$/, '')]];
}

/** Runs the client against `scenario.endpoint.baseUrl`; resolves with its per-request records. */
/**
 * The environment a driver runs in: the lab's CA trusted by Node, Python and Go (SSL_CERT_FILE),
 * placeholder keys, and no proxy between the client and the lab.
 */
export function driverEnv(certFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: certFile, SSL_CERT_FILE: certFile, NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) delete env[name];
  env.ANTHROPIC_API_KEY = 'test-key-not-secret';
  env.OPENAI_API_KEY = 'test-key-not-secret';
  return env;
}

/** Runs a driver to its end (killed after `timeoutMs`) and collects what it printed. */
export function runProcess(command: string, args: string[], dir: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: dir, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout: out, stderr: err });
    });
  });
}

export async function runClient(client: CalibrationClient, scenario: Scenario, workload: Workload, certFile: string, timeoutMs: number): Promise<ClientRecord[]> {
  const runtime = runtimeOf(client);
  const python = runtime === 'python-venv';
  // undici 8 must resolve from the fixture's node_modules, so its run sits there.
  const dir = tempDir(runtime === 'node22' ? join(FIXTURE_UNDICI8, 'runs') : join(ROOT, 'tests/.tmp'));
  const target = findSnippetTarget(client);
  if (!target) throw new Error(`no snippet target ${client}`);
  const snippet = target.generate(buildSnippetInput(scenario));
  const env = driverEnv(certFile);
  let command: string;
  let args: string[];
  if (runtime === 'go' || runtime === 'java') {
    // Built before the clock starts: the timeout is the run's.
    [command, args] = buildCompiled(runtime, dir, snippet, target.filename, join(ROOT, calibrationKit(client).driver), env);
    args = [...args, JSON.stringify(workload)];
  } else {
    writeFileSync(join(dir, python ? 'pool.py' : 'pool.mjs'), snippet);
    copyFileSync(join(ROOT, calibrationKit(client).driver), join(dir, python ? 'driver.py' : 'driver.mjs'));
    command = python ? VENV_PYTHON : runtime === 'node22' ? NODE22 : process.execPath;
    args = python ? ['driver.py', join(dir, 'pool.py'), JSON.stringify(workload)] : ['driver.mjs', JSON.stringify(workload)];
  }
  const { code, stdout, stderr } = await runProcess(command, args, dir, env, timeoutMs);
  if (code !== 0) throw new Error(`${client} driver exited ${code}: ${stderr.slice(-2000)}`);
  return JSON.parse(stdout) as ClientRecord[];
}
