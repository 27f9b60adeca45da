/**
 * Running generated snippets for real: a local HTTP server that records which socket served which
 * request, syntax checks through the TypeScript compiler and Python's ast, and child processes for
 * Node 20 (undici 7), Node 22 (undici 8, from tests/fixtures/undici8) and /usr/bin/python3 (httpx).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const TMP = join(ROOT, 'tests/.tmp');
export const FIXTURE_UNDICI8 = join(ROOT, 'tests/fixtures/undici8');
export const NODE22 = join(FIXTURE_UNDICI8, 'node_modules/.bin/node');
export const PYTHON = '/usr/bin/python3';

export function tempDir(under = TMP): string {
  mkdirSync(under, { recursive: true });
  return mkdtempSync(join(under, 'run-'));
}

/** Installs Node 22 + undici 8 into the fixture once (CI does it in .ci/run; this covers a developer's machine). */
export function ensureUndici8(): void {
  if (existsSync(NODE22) && existsSync(join(FIXTURE_UNDICI8, 'node_modules/undici/package.json'))) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: FIXTURE_UNDICI8, stdio: 'ignore', timeout: 300_000 });
}

export interface RecordedRequest {
  socket: number;
  burst: number;
}

export interface CountingServer {
  url: string;
  requests: RecordedRequest[];
  /**
   * Most requests in progress at once. Over HTTP/1.1 each holds its own socket, so this is the
   * number of sockets the pool had busy. (Counting open sockets instead races: a client may open a
   * new socket before the server has seen the close of the one it replaced.)
   */
  peakInFlight(): number;
  close(): Promise<void>;
}

/** An API stand-in on 127.0.0.1: answers every POST after `delayMs`, recording the socket it came on. */
export async function startCountingServer(delayMs = 150): Promise<CountingServer> {
  const requests: RecordedRequest[] = [];
  const socketIds = new WeakMap<Socket, number>();
  let nextSocket = 1;
  let inFlight = 0;
  let peakInFlight = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    res.on('finish', () => inFlight--);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let burst = 0;
      try {
        burst = Number(JSON.parse(Buffer.concat(chunks).toString('utf8')).burst) || 0;
      } catch {
        burst = -1;
      }
      requests.push({ socket: socketIds.get(req.socket) ?? 0, burst });
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, key: req.headers['x-api-key'] ?? req.headers.authorization ?? null }));
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', (socket: Socket) => socketIds.set(socket, nextSocket++));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    peakInFlight: () => peakInFlight,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function socketsIn(requests: RecordedRequest[], burst: number): Set<number> {
  return new Set(requests.filter((r) => r.burst === burst).map((r) => r.socket));
}

/** Environment for child processes: a fake key, and no proxy that could divert loopback traffic. */
export function childEnv(keyEnv: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [keyEnv]: 'test-key-not-secret', NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' };
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'all_proxy']) delete env[name];
  return env;
}

export function runChild(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Syntax-checks JavaScript/TypeScript files with the TypeScript compiler (no type check: imports need not resolve). */
export function tscSyntaxErrors(files: string[]): string {
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['--ignoreConfig', '--noEmit', '--noCheck', '--allowJs', '--skipLibCheck', '--module', 'esnext', '--target', 'es2022', '--moduleResolution', 'bundler', ...files], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    return `${e.stdout ?? ''}${e.stderr ?? ''}` || String(err);
  }
}

/** Parses many Python sources in one interpreter; returns the failures. */
export function pythonSyntaxErrors(sources: string[]): string[] {
  const dir = tempDir();
  const file = join(dir, 'sources.json');
  writeFileSync(file, JSON.stringify(sources));
  const out = execFileSync(
    PYTHON,
    ['-c', 'import ast, json, sys\nbad = []\nfor i, s in enumerate(json.load(open(sys.argv[1], encoding="utf-8"))):\n    try:\n        ast.parse(s)\n    except SyntaxError as e:\n        bad.append(f"{i}: {e}")\nprint(json.dumps(bad))', file],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}
