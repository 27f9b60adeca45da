/**
 * The `path` rows of the clients table (issue #17: TCP keep-alive and retries) against the libraries
 * installed for the tests: undici's connector default (every undici the table names, Node's bundled
 * ones included), the Node SDKs' backoff, the Python SDKs' constants and socket options, httpx's and
 * aiohttp's defaults (read by running them in the venv, offline), and Debian's Go 1.19 when present.
 * The Go and Java SDK lines were read in their GitHub sources and are not installable here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS } from '../../../src/core/clients/registry.ts';
import type { SourceRef } from '../../../src/core/clients/types.ts';
import { UNDICI_KEEPALIVE_LINES } from '../../../src/core/clients/undici/facts.ts';
import { findClient } from '../../../src/core/index.ts';
import { childEnv, ensurePython, ROOT, runChild, tempDir } from '../snippets/harness.ts';

const pathOf = (id: string) => findClient(id)!.path;

/** The line `ref` cites, 1-based, in the file under `dir`. */
function lineAt(dir: string, ref: SourceRef): string {
  return readFileSync(join(dir, ref.file), 'utf8').split('\n')[ref.line - 1] ?? '';
}

/** Every undici the table cites, with where it is installed. */
const UNDICIS: { dir: string; rows: string[] }[] = [
  { dir: join(ROOT, 'tests/fixtures/undici8/node_modules/undici'), rows: ['undici'] },
  { dir: join(ROOT, 'node_modules/undici'), rows: ['undici7'] },
  { dir: join(ROOT, 'tests/fixtures/undici8/node_modules/undici-bundled'), rows: [] },
  { dir: join(ROOT, 'tests/fixtures/node24/node_modules/undici-bundled'), rows: ['node-fetch', 'openai-ts', 'anthropic-ts'] },
  { dir: join(ROOT, 'tests/fixtures/node26/node_modules/undici-bundled'), rows: [] },
];

describe('path facts: every client row', () => {
  it('should give every client a path row whose retries fit min(initial × 2ⁿ, max) × (1 − jitter × U)', () => {
    for (const c of CLIENTS) {
      const p = c.path;
      expect(p, c.id).toBeDefined();
      expect(p.tcpKeepaliveSource.line, c.id).toBeGreaterThan(0);
      if (p.tcpKeepaliveSec !== null) expect(p.tcpKeepaliveSec, c.id).toBeGreaterThan(0);
      if (p.retries) {
        expect(p.retries.max, c.id).toBeGreaterThanOrEqual(1);
        expect(p.retries.maxSec, c.id).toBeGreaterThanOrEqual(p.retries.initialSec);
        expect(p.retries.jitter, c.id).toBeGreaterThanOrEqual(0);
        expect(p.retries.jitter, c.id).toBeLessThan(1);
      }
    }
  });
});

describe('path facts: undici and the Node SDKs', () => {
  it('should match undici’s default keepAliveInitialDelay (60 s) at the cited line of every installed undici', () => {
    for (const { dir, rows } of UNDICIS) {
      if (!existsSync(join(dir, 'package.json'))) continue; // a Node fixture not installed: defaults.test.ts installs them
      const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
      const line = UNDICI_KEEPALIVE_LINES[version];
      expect(line, `undici ${version} has no cited line`).toBeDefined();
      const src = readFileSync(join(dir, 'lib/core/connect.js'), 'utf8').split('\n');
      expect(src[line! - 1], `undici ${version} connect.js:${line}`).toMatch(/keepAliveInitialDelay === undefined \? 60e3 : options\.keepAliveInitialDelay/);
      expect(src[line!], `undici ${version} connect.js:${line! + 1}`).toMatch(/socket\.setKeepAlive\(true, keepAliveInitialDelay\)/);
      // keep-alive is on unless `keepAlive: false` is passed
      expect(src[line! - 2]).toMatch(/options\.keepAlive == null \|\| options\.keepAlive/);
      for (const id of rows) {
        expect(pathOf(id).tcpKeepaliveSec, id).toBe(60);
        expect(pathOf(id).tcpKeepaliveSource, id).toEqual({ package: `undici ${version}`, file: 'lib/core/connect.js', line });
        expect(pathOf(id).canSetTcpKeepalive, id).toBe(true);
      }
    }
    for (const id of ['undici', 'undici7', 'node-fetch']) expect(pathOf(id).retries, id).toBeNull();
  });

  it('should match the Node SDKs’ retry count and backoff as their sources compute them', () => {
    const sdks = [
      { id: 'openai-ts', dir: join(ROOT, 'tests/fixtures/undici8/node_modules/openai'), maxRetries: /value >= 0 \? value : 2;/ },
      { id: 'anthropic-ts', dir: join(ROOT, 'tests/fixtures/undici8/node_modules/@anthropic-ai/sdk'), maxRetries: /options\.maxRetries \?\? 2\)/ },
    ];
    for (const { id, dir, maxRetries } of sdks) {
      if (!existsSync(join(dir, 'src/client.ts'))) continue; // the fixture is installed by defaults.test.ts
      const r = pathOf(id).retries!;
      const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
      expect(r.source.package, id).toBe(`${id === 'openai-ts' ? 'openai' : '@anthropic-ai/sdk'} ${version}`);
      expect(lineAt(dir, r.source), `${id} ${r.source.file}:${r.source.line}`).toMatch(/Math\.min\(initialRetryDelay \* Math\.pow\(2, numRetries\), maxRetryDelay\)/);
      const src = readFileSync(join(dir, 'src/client.ts'), 'utf8');
      expect(src, id).toMatch(new RegExp(`const initialRetryDelay = ${r.initialSec};`));
      expect(src, id).toMatch(new RegExp(`const maxRetryDelay = ${r.maxSec.toFixed(1)};`));
      expect(src, id).toMatch(new RegExp(`const jitter = 1 - Math\\.random\\(\\) \\* ${r.jitter};`));
      expect(src, id).toMatch(maxRetries);
      expect(r.max, id).toBe(2);
    }
  });
});

/** Reads, in the venv, what the Python rows claim; prints JSON. Nothing leaves the machine. */
const PROBE = String.raw`
import asyncio, inspect, json, linecache, socket
import aiohttp, anthropic, httpx, httpx2, openai
import aiohttp.client, anthropic._constants as ac, openai._constants as oc

def opts(transport):
    pool = transport._pool
    return [[int(x) for x in o] for o in (pool._socket_options or [])]

async def main():
    out = {"constants": {}, "lines": {}}
    for name, c in (("openai", oc), ("anthropic", ac)):
        out["constants"][name] = {"max": c.DEFAULT_MAX_RETRIES, "initial": c.INITIAL_RETRY_DELAY, "maxDelay": c.MAX_RETRY_DELAY}
    out["httpx"] = opts(httpx.AsyncHTTPTransport())
    out["httpx2"] = opts(httpx2.AsyncHTTPTransport())
    for name, mod in (("openai", openai), ("anthropic", anthropic)):
        client = mod.DefaultAsyncHttpxClient()
        out[name + "_httpx2"] = opts(client._transport)
        await client.aclose()
        aio = mod.DefaultAioHttpClient()
        session = aio._transport.get_client()
        out[name + "_aiohttp"] = session.connector._socket_factory is None
        await session.close()
        await aio.aclose()
    out["aiohttp_socket_factory_default"] = repr(inspect.signature(aiohttp.TCPConnector.__init__).parameters["socket_factory"].default)
    out["aiohttp_idempotent"] = sorted(aiohttp.client.IDEMPOTENT_METHODS)
    out["consts"] = {"SOL_SOCKET": socket.SOL_SOCKET, "SO_KEEPALIVE": socket.SO_KEEPALIVE, "IPPROTO_TCP": socket.IPPROTO_TCP,
                     "TCP_KEEPIDLE": getattr(socket, "TCP_KEEPIDLE", None), "TCP_KEEPINTVL": getattr(socket, "TCP_KEEPINTVL", None), "TCP_KEEPCNT": getattr(socket, "TCP_KEEPCNT", None)}
    out["versions"] = {"openai": openai.__version__, "anthropic": anthropic.__version__, "httpx": httpx.__version__, "httpx2": httpx2.__version__, "aiohttp": aiohttp.__version__}
    for key, (mod, line) in json.loads(__import__("sys").argv[1]).items():
        m = __import__(mod, fromlist=["_"])
        out["lines"][key] = linecache.getline(m.__file__, line).strip()
    print(json.dumps(out))

asyncio.run(main())
`;

let python = '';
beforeAll(() => {
  python = ensurePython();
}, 600_000);

describe('path facts: the Python clients as installed in the venv', () => {
  it('should match the SDKs’ retry constants, anthropic’s keep-alive socket options, and the raw clients’ lack of SO_KEEPALIVE', async () => {
    const fileOf = (ref: SourceRef) => ref.file.replace(/\.py$/, '').replaceAll('/', '.');
    const cite: Record<string, SourceRef> = {
      openaiBackoff: pathOf('openai-py').retries!.source,
      anthropicBackoff: pathOf('anthropic-py').retries!.source,
      anthropicKeepidle: pathOf('anthropic-py').tcpKeepaliveSource,
      openaiNoOptions: pathOf('openai-py').tcpKeepaliveSource,
      httpxTransport: pathOf('httpx').tcpKeepaliveSource,
      httpx2Transport: pathOf('httpx2').tcpKeepaliveSource,
      aiohttpFactory: pathOf('aiohttp').tcpKeepaliveSource,
      openaiAioConnector: pathOf('openai-py-aiohttp').tcpKeepaliveSource,
      anthropicAioConnector: pathOf('anthropic-py-aiohttp').tcpKeepaliveSource,
    };
    const arg = JSON.stringify(Object.fromEntries(Object.entries(cite).map(([k, ref]) => [k, [fileOf(ref), ref.line]])));
    const run = await runChild(python, ['-c', PROBE, arg], { cwd: tempDir(), env: childEnv('X') });
    expect(run.stderr).toBe('');
    const got = JSON.parse(run.stdout) as {
      constants: Record<'openai' | 'anthropic', { max: number; initial: number; maxDelay: number }>;
      lines: Record<string, string>;
      httpx: number[][];
      httpx2: number[][];
      openai_httpx2: number[][];
      anthropic_httpx2: number[][];
      openai_aiohttp: boolean;
      anthropic_aiohttp: boolean;
      aiohttp_socket_factory_default: string;
      aiohttp_idempotent: string[];
      consts: Record<string, number | null>;
      versions: Record<string, string>;
    };

    // The cited packages are the installed ones.
    expect(cite.openaiBackoff!.package).toBe(`openai ${got.versions.openai}`);
    expect(cite.anthropicBackoff!.package).toBe(`anthropic ${got.versions.anthropic}`);
    expect(cite.httpxTransport!.package).toBe(`httpx ${got.versions.httpx}`);
    expect(cite.httpx2Transport!.package).toBe(`httpx2 ${got.versions.httpx2}`);
    expect(cite.aiohttpFactory!.package).toBe(`aiohttp ${got.versions.aiohttp}`);

    // Retries: DEFAULT_MAX_RETRIES, INITIAL_RETRY_DELAY, MAX_RETRY_DELAY, and the jitter in the cited formula.
    for (const [sdk, ids] of [
      ['openai', ['openai-py', 'openai-py-aiohttp']],
      ['anthropic', ['anthropic-py', 'anthropic-py-aiohttp']],
    ] as const) {
      for (const id of ids) {
        const r = pathOf(id).retries!;
        expect({ id, max: r.max, initial: r.initialSec, maxDelay: r.maxSec }).toEqual({ id, ...got.constants[sdk] });
      }
    }
    for (const key of ['openaiBackoff', 'anthropicBackoff']) {
      expect(got.lines[key], key).toBe('sleep_seconds = min(INITIAL_RETRY_DELAY * pow(2.0, nb_retries), MAX_RETRY_DELAY)');
    }
    expect(pathOf('openai-py').retries!.jitter).toBe(0.25);
    expect(pathOf('anthropic-py').retries!.jitter).toBe(0.25);

    // anthropic's default httpx2 client: SO_KEEPALIVE on, first probe after TCP_KEEPIDLE seconds.
    const c = got.consts;
    const anth = got.anthropic_httpx2;
    expect(anth).toContainEqual([c.SOL_SOCKET, c.SO_KEEPALIVE, 1]);
    expect(anth).toContainEqual([c.IPPROTO_TCP, c.TCP_KEEPIDLE, pathOf('anthropic-py').tcpKeepaliveSec]);
    expect(got.lines.anthropicKeepidle).toBe('socket_options.append((socket.IPPROTO_TCP, TCP_KEEPIDLE, 60))');

    // No socket options at all: httpx's and httpx2's default transports, openai's default client.
    expect(got.httpx).toEqual([]);
    expect(got.httpx2).toEqual([]);
    expect(got.openai_httpx2).toEqual([]);
    for (const id of ['httpx', 'httpx2', 'openai-py']) expect(pathOf(id).tcpKeepaliveSec, id).toBeNull();
    expect(got.lines.httpxTransport).toBe('socket_options: typing.Iterable[SOCKET_OPTION] | None = None,');
    expect(got.lines.httpx2Transport).toBe('socket_options: typing.Iterable[SOCKET_OPTION] | None = None,');
    expect(got.lines.openaiNoOptions).toBe('class _DefaultAsyncHttpxClient(httpx2.AsyncClient):');

    // aiohttp: no socket factory by default (so no SO_KEEPALIVE), neither raw nor in the SDKs' transport.
    expect(got.aiohttp_socket_factory_default).toBe('None');
    expect(got.lines.aiohttpFactory).toBe('socket_factory: SocketFactoryType | None = None,');
    expect(got.openai_aiohttp).toBe(true);
    expect(got.anthropic_aiohttp).toBe(true);
    expect(got.lines.openaiAioConnector).toBe('connector = aiohttp.TCPConnector(');
    expect(got.lines.anthropicAioConnector).toBe('connector = aiohttp.TCPConnector(');
    for (const id of ['aiohttp', 'openai-py-aiohttp', 'anthropic-py-aiohttp']) expect(pathOf(id).tcpKeepaliveSec, id).toBeNull();
    // aiohttp re-sends on a reused connection for idempotent methods only: never a POST.
    expect(got.aiohttp_idempotent).not.toContain('POST');
    expect(pathOf('aiohttp').retries).toBeNull();
  }, 120_000);
});

const GO_HTTP = '/usr/lib/go-1.19/src/net/http/transport.go';

describe('path facts: Go net/http', () => {
  it.skipIf(!existsSync(GO_HTTP))('should match DefaultTransport’s dialer keep-alive (30 s) at the cited line of Debian’s Go 1.19', () => {
    for (const id of ['go-nethttp', 'openai-go', 'anthropic-go']) {
      const p = pathOf(id);
      expect(p.tcpKeepaliveSource.file).toBe('net/http/transport.go');
      expect(readFileSync(GO_HTTP, 'utf8').split('\n')[p.tcpKeepaliveSource.line - 1], id).toMatch(new RegExp(`KeepAlive: ${p.tcpKeepaliveSec} \\* time\\.Second,`));
    }
    // The dialer sets SO_KEEPALIVE and the period (TCP_KEEPIDLE and TCP_KEEPINTVL on Linux).
    const dial = readFileSync('/usr/lib/go-1.19/src/net/dial.go', 'utf8').split('\n');
    expect(dial[433]).toMatch(/setKeepAlive\(tc\.fd, true\)/);
    expect(dial[438]).toMatch(/setKeepAlivePeriod\(tc\.fd, ka\)/);
    expect(pathOf('go-nethttp').retries).toBeNull();
  });
});
