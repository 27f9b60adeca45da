/**
 * Running generated snippets for real: a local HTTP server that records which socket served which
 * request and answers in the provider's JSON shape, syntax checks through the TypeScript compiler
 * and Python's ast, and child processes for Node 20 (undici 7), Node 22 (undici 8 and the Node SDKs,
 * from tests/fixtures/undici8) and the Python venv of scripts/python-env.sh (httpx 0.28, httpx2, the SDKs).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const TMP = join(ROOT, 'tests/.tmp');
export const FIXTURE_UNDICI8 = join(ROOT, 'tests/fixtures/undici8');
export const NODE22 = join(FIXTURE_UNDICI8, 'node_modules/.bin/node');

let python: string | undefined;

/**
 * The venv's python, built by scripts/python-env.sh on first use (pinned httpx 0.28.1, httpx2,
 * h2, openai 3, anthropic 1 from tests/fixtures/python/requirements.txt). Call it in a beforeAll.
 */
export function ensurePython(): string {
  python ??= execFileSync('bash', [join(ROOT, 'scripts/python-env.sh')], { encoding: 'utf8', timeout: 300_000 }).trim();
  return python;
}

export function tempDir(under = TMP): string {
  mkdirSync(under, { recursive: true });
  return mkdtempSync(join(under, 'run-'));
}

/** Installs Node 22, undici 8 and the Node SDKs into the fixture once (CI does it in .ci/run; this covers a developer's machine). */
export function ensureUndici8(): void {
  const installed = ['undici', 'openai', '@anthropic-ai/sdk'].every((name) => existsSync(join(FIXTURE_UNDICI8, 'node_modules', name, 'package.json')));
  if (existsSync(NODE22) && installed) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: FIXTURE_UNDICI8, stdio: 'ignore', timeout: 300_000 });
}

export interface RecordedRequest {
  socket: number;
  burst: number;
  /** Tenant named by the driver (body `tenant` or header x-tenant); '' when none. */
  tenant: string;
  path: string;
  /** The key as the provider's header carried it: x-api-key, or the bearer token. */
  key: string | null;
  anthropicVersion: string | null;
  /**
   * The client socket's TCP keep-alive timer as the kernel shows it while the reply is pending
   * (/proc/net/tcp, Linux): seconds until the next probe, or null when no keep-alive timer runs
   * (SO_KEEPALIVE off). undefined where /proc/net/tcp is not there.
   */
  keepaliveTimerSec?: number | null;
}

/**
 * The keep-alive timer of the loopback client socket clientPort → serverPort, read in /proc/net/tcp
 * and /proc/net/tcp6 (Java's sockets are dual-stack IPv6 ones, ::ffff:127.0.0.1): `tr` 2 is the
 * keep-alive timer and `tm->when` its remaining time in clock ticks (USER_HZ, 100 a second). Another
 * timer (1: retransmit, 4: zero window) or none reads as null.
 */
export function keepaliveTimerSec(clientPort: number, serverPort: number): number | null | undefined {
  const tables: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    try {
      tables.push(readFileSync(file, 'utf8'));
    } catch {
      // absent (not Linux, or no IPv6)
    }
  }
  if (tables.length === 0) return undefined;
  const port = (address: string | undefined) => parseInt(address?.split(':')[1] ?? '', 16);
  for (const line of tables.flatMap((t) => t.split('\n').slice(1))) {
    const f = line.trim().split(/\s+/);
    if (port(f[1]) !== clientPort || port(f[2]) !== serverPort) continue;
    const [tr, when] = (f[5] ?? '').split(':');
    return tr === '02' ? parseInt(when ?? '0', 16) / 100 : null;
  }
  return null;
}

export interface CountingServer {
  url: string;
  requests: RecordedRequest[];
  /**
   * Most requests in progress at once (overall, or for one tenant). Over HTTP/1.1 each holds its
   * own socket, so this is the number of sockets the pool had busy. (Counting open sockets instead
   * races: a client may open a new socket before the server has seen the close of the one it replaced.)
   */
  peakInFlight(tenant?: string): number;
  close(): Promise<void>;
}

/** The provider's reply shape, enough for the SDKs to parse: Anthropic Messages or OpenAI Chat Completions. */
export function providerReply(path: string): Record<string, unknown> {
  if (path.endsWith('/chat/completions')) {
    return {
      id: 'chatcmpl-test',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: 'hi', refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
    };
  }
  return {
    id: 'msg_test',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5',
    content: [{ type: 'text', text: 'hi' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 3, output_tokens: 1 },
  };
}

/** Reads a request's burst and tenant (body fields of postJson drivers, x-burst / x-tenant headers of SDK drivers). */
export function describeRequest(req: IncomingMessage, body: string): Omit<RecordedRequest, 'socket'> {
  let parsed: { burst?: unknown; tenant?: unknown } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    parsed = {};
  }
  const header = (name: string) => {
    const v = req.headers[name];
    return typeof v === 'string' ? v : null;
  };
  const auth = header('authorization');
  return {
    burst: Number(header('x-burst') ?? parsed.burst) || 0,
    tenant: String(header('x-tenant') ?? parsed.tenant ?? ''),
    path: req.url ?? '',
    key: header('x-api-key') ?? (auth?.startsWith('Bearer ') ? auth.slice(7) : null),
    anthropicVersion: header('anthropic-version'),
  };
}

/** An API stand-in on 127.0.0.1: answers every POST after `delayMs` in the provider's shape, recording the socket it came on. */
export async function startCountingServer(delayMs = 150): Promise<CountingServer> {
  const requests: RecordedRequest[] = [];
  const socketIds = new WeakMap<Socket, number>();
  let nextSocket = 1;
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();
  const count = (key: string, delta: number) => {
    const now = (inFlight.get(key) ?? 0) + delta;
    inFlight.set(key, now);
    peaks.set(key, Math.max(peaks.get(key) ?? 0, now));
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: RecordedRequest = { socket: socketIds.get(req.socket) ?? 0, ...describeRequest(req, Buffer.concat(chunks).toString('utf8')) };
      requests.push(seen);
      // Counted from the whole request on: a request's socket is busy until the reply has gone out.
      count('', 1);
      count(`t:${seen.tenant}`, 1);
      res.on('finish', () => {
        count('', -1);
        count(`t:${seen.tenant}`, -1);
      });
      setTimeout(() => {
        // Read while the reply is pending: the request's bytes are acknowledged by now, so a socket
        // with SO_KEEPALIVE shows the keep-alive timer, not the retransmit one.
        const port = (server.address() as AddressInfo).port;
        if (req.socket.remotePort !== undefined) seen.keepaliveTimerSec = keepaliveTimerSec(req.socket.remotePort, port);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(providerReply(seen.path)));
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
    peakInFlight: (tenant?: string) => peaks.get(tenant === undefined ? '' : `t:${tenant}`) ?? 0,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export function socketsIn(requests: RecordedRequest[], burst: number, tenant?: string): Set<number> {
  return new Set(requests.filter((r) => r.burst === burst && (tenant === undefined || r.tenant === tenant)).map((r) => r.socket));
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
  return tscErrors(['--noCheck', '--allowJs', '--skipLibCheck', '--module', 'esnext', '--target', 'es2022', '--moduleResolution', 'bundler', ...files]);
}

/** The project's tsc without its tsconfig; returns what it reported, or '' when it passed. */
function tscErrors(args: string[]): string {
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['--ignoreConfig', '--noEmit', ...args], { encoding: 'utf8', stdio: 'pipe' });
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
    ensurePython(),
    ['-c', 'import ast, json, sys\nbad = []\nfor i, s in enumerate(json.load(open(sys.argv[1], encoding="utf-8"))):\n    try:\n        ast.parse(s)\n    except SyntaxError as e:\n        bad.append(f"{i}: {e}")\nprint(json.dumps(bad))', file],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as string[];
}

/**
 * Type-checks TypeScript files strictly as a user's Node project would (nodenext), resolving packages
 * from the directory the files sit in and Node's types from the project's @types/node.
 */
export function tscTypeErrors(files: string[]): string {
  return tscErrors(['--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--typeRoots', join(ROOT, 'node_modules/@types'), '--types', 'node', ...files]);
}
