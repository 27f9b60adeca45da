/**
 * The clients table must match the libraries users install: each default is read from the real
 * library at test time (Python packages in the test venv, undici 7 on this Node, undici 8 and the Node
 * SDKs on Node 22), and every source reference must point at a line that still says what the table
 * cites it for — the Node SDKs' in the installed SDK, the Node majors' in the npm release of the undici
 * each bundles (node-fetch.test.ts runs each Node's own fetch). Go's from Debian's Go 1.19 (a program
 * printing http.DefaultTransport, its source for what lives in closures and unexported constants);
 * OkHttp's from Debian's OkHttp 3.13.1 jar, the only form installed (a Java program reading a new
 * OkHttpClient, and the jar's line tables for the cited lines). Each is skipped, saying why, when
 * its toolchain is missing (.ci/run installs both).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SDK_TRANSPORT } from '../../../src/core/clients/aiohttp/facts.ts';
import { GO, GO_RULES } from '../../../src/core/clients/goNetHttp/facts.ts';
import { CLIENTS, findClient, forNode, NODE_FETCH, NODE_MAJORS, type ClientDefaults, type ClientFacts, type SourceRef } from '../../../src/core/clients/index.ts';
import { OKHTTP, OKHTTP_RULES } from '../../../src/core/clients/okhttp/facts.ts';
import { OKHTTP_CLASSPATH } from '../../../src/core/clients/okhttp/testing/index.ts';

const root = process.cwd();
const undici8Dir = join(root, 'tests/fixtures/undici8');
const node22 = join(undici8Dir, 'node_modules/.bin/node');
/** Each Node major's fixture, holding the npm release of the undici its fetch bundles as `undici-bundled`. */
const nodeFixture = (major: string) => join(root, major === '22' ? 'tests/fixtures/undici8' : `tests/fixtures/node${major}`);
let python = '';
let sitePackages = '';

beforeAll(() => {
  python = execFileSync('bash', [join(root, 'scripts/python-env.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  sitePackages = execFileSync(python, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
  if (!existsSync(node22)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', undici8Dir], { stdio: 'ignore' });
}, 240_000);

/** What each Python client builds when the code passes nothing, read off the live objects. */
const PY_READ = `
import json, inspect
import httpx, httpx2, openai, anthropic

def pool_of(client):
    pool = client._transport._pool
    return {"maxConnections": pool._max_connections, "maxKeepalive": pool._max_keepalive_connections, "keepaliveSec": pool._keepalive_expiry}

def facts(client, cls):
    t = client.timeout
    out = pool_of(client)
    out.update({"poolTimeoutSec": t.pool, "connectTimeoutSec": t.connect, "readTimeoutSec": t.read,
                "protocol": "h2" if inspect.signature(cls).parameters["http2"].default else "h1"})
    return out

result = {
    "versions": {"httpx": httpx.__version__, "httpx2": httpx2.__version__, "openai": openai.__version__, "anthropic": anthropic.__version__},
    "httpx": facts(httpx.AsyncClient(), httpx.AsyncClient),
    "httpx2": facts(httpx2.AsyncClient(), httpx2.AsyncClient),
    "openai-py": facts(openai.AsyncOpenAI(api_key="k")._client, httpx2.AsyncClient),
    "anthropic-py": facts(anthropic.AsyncAnthropic(api_key="k")._client, httpx2.AsyncClient),
}
print(json.dumps(result))
`;

/**
 * undici's Agent/Pool/Client defaults, read from the private fields every dispatcher carries; the
 * connect timeout lives in a closure, so it is read from the line of lib/core/connect.js that sets it.
 */
const JS_READ = (undiciPath: string) => `
const { Pool, Client } = require(${JSON.stringify(undiciPath)});
const connectSource = require('node:fs').readFileSync(${JSON.stringify(undiciPath + '/lib/core/connect.js')}, 'utf8');
const connectDefault = /timeout = timeout == null \\? ([0-9e.]+) :/.exec(connectSource);
const sym = (o, d) => o[Object.getOwnPropertySymbols(o).find((s) => s.description === d)];
const pool = new Pool('http://127.0.0.1:9');
const client = new Client('http://127.0.0.1:9');
console.log(JSON.stringify({
  version: require(${JSON.stringify(undiciPath + '/package.json')}).version,
  bundled: process.versions.undici,
  maxConnections: sym(pool, 'connections'),
  keepaliveSec: sym(client, 'default keep alive timeout') / 1000,
  keepaliveMaxSec: sym(client, 'max keep alive timeout') / 1000,
  // undici 8 moved the stream limit into h2Options (lib/dispatcher/client.js, "kHTTP2Options").
  streamsPerConnection: sym(client, 'max concurrent streams') ?? sym(client, 'http2 options')?.maxConcurrentStreams,
  allowH2: sym(pool, 'options')?.allowH2 ?? null,
  connectTimeoutSec: connectDefault ? Number(connectDefault[1]) / 1000 : null,
  // undici has no single read timeout: headersTimeout and bodyTimeout (the silence limit between chunks).
  headersTimeoutSec: sym(client, 'headers timeout') / 1000,
  bodyTimeoutSec: sym(client, 'body timeout') / 1000,
}));
pool.close(); client.close();
`;

type Read = Partial<Record<keyof ClientDefaults, number | string | null>>;

const GO_ROOT = '/usr/lib/go-1.19';
const haveGo = existsSync(join(GO_ROOT, 'bin/go')) && existsSync(join(GO_ROOT, 'src/net/http/transport.go'));
const haveJava = existsSync('/usr/bin/java') && existsSync('/usr/bin/javap') && OKHTTP_CLASSPATH.every(existsSync);
const NO_GO = 'Go 1.19 is not installed (.ci/run installs golang-go): the Go rows are not checked';
const NO_JAVA = 'Java or OkHttp’s jar is not installed (.ci/run installs default-jdk-headless, libokhttp-java, libokio-java): the OkHttp rows are not checked';
/** Clients built on net/http's Transport, and on OkHttp. */
const GO_IDS = ['go-nethttp', 'openai-go', 'anthropic-go'];
const OKHTTP_IDS = ['okhttp', 'openai-java', 'anthropic-java'];

/**
 * http.DefaultTransport as Go builds it. The dial timeout sits in a closure and HTTP/2's initial
 * stream limit is unexported, so those two are read from the source lines that set them.
 */
const GO_READ = `package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
)

func main() {
	t := http.DefaultTransport.(*http.Transport)
	idle := t.MaxIdleConnsPerHost
	if idle == 0 {
		idle = http.DefaultMaxIdleConnsPerHost
	}
	out, _ := json.Marshal(map[string]any{
		"version":                  runtime.Version(),
		"maxConnections":           t.MaxConnsPerHost,
		"maxKeepalive":             idle,
		"maxIdleConns":             t.MaxIdleConns,
		"keepaliveSec":             t.IdleConnTimeout.Seconds(),
		"forceH2":                  t.ForceAttemptHTTP2,
		"responseHeaderTimeoutSec": t.ResponseHeaderTimeout.Seconds(),
	})
	fmt.Println(string(out))
}
`;

/** A new OkHttpClient's limits; the ConnectionPool keeps its two in private fields (3.13 has no getters). */
const JAVA_READ = `import java.lang.reflect.Field;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

public class Read {
  public static void main(String[] args) throws Exception {
    OkHttpClient c = new OkHttpClient();
    ConnectionPool p = c.connectionPool();
    Field idle = ConnectionPool.class.getDeclaredField("maxIdleConnections");
    Field keep = ConnectionPool.class.getDeclaredField("keepAliveDurationNs");
    idle.setAccessible(true);
    keep.setAccessible(true);
    System.out.println("{\\"version\\":\\"" + okhttp3.internal.Version.userAgent() + "\\",\\"maxRequests\\":" + c.dispatcher().getMaxRequests()
        + ",\\"maxConnections\\":" + c.dispatcher().getMaxRequestsPerHost() + ",\\"maxKeepalive\\":" + idle.getInt(p)
        + ",\\"keepaliveSec\\":" + keep.getLong(p) / 1e9 + ",\\"connectTimeoutSec\\":" + c.connectTimeoutMillis() / 1000.0
        + ",\\"readTimeoutSec\\":" + c.readTimeoutMillis() / 1000.0 + ",\\"h2\\":" + c.protocols().contains(Protocol.HTTP_2) + "}");
    System.exit(0);
  }
}
`;

/**
 * What each source line of a class in OkHttp's jar compiles to (javap's line table), by line. The
 * jar is all Debian installs of OkHttp: a cited line is checked by the bytecode it holds.
 */
function jarLines(className: string): Map<number, string> {
  let out = '';
  try {
    out = execFileSync('javap', ['-c', '-l', '-p', '-cp', OKHTTP_CLASSPATH.join(':'), className], { encoding: 'utf8', stdio: 'pipe' });
  } catch {
    // A nested class the source file may not have (every file is tried with its $Builder).
    return new Map();
  }
  const byLine = new Map<number, string>();
  for (const method of out.split(/\n(?=  \S)/)) {
    const code = [...method.matchAll(/^\s+(\d+): (\S.*)$/gm)].map((m) => [Number(m[1]), m[2]!] as const);
    const table = [...method.matchAll(/^\s+line (\d+): (\d+)$/gm)].map((m) => [Number(m[1]), Number(m[2])] as const).sort((a, b) => a[1] - b[1]);
    table.forEach(([line, pc], i) => {
      const end = table[i + 1]?.[1] ?? Infinity;
      const text = code.filter(([at]) => at >= pc && at < end).map(([, t]) => t).join('\n');
      byLine.set(line, `${byLine.get(line) ?? ''}${text}\n`);
    });
  }
  return byLine;
}

/** Every citation an object holds, however deep, filed under the key it sits at (a `source` under its parent's). */
function collectRefs(where: string, value: unknown, name: string, refs: [string, string, SourceRef][] = []): [string, string, SourceRef][] {
  if (!value || typeof value !== 'object') return refs;
  const v = value as Partial<SourceRef>;
  if (typeof v.package === 'string' && typeof v.file === 'string' && typeof v.line === 'number') refs.push([where, name, v as SourceRef]);
  else for (const [key, inner] of Object.entries(value)) collectRefs(`${where}.${key}`, inner, key === 'source' ? name : key, refs);
  return refs;
}

describe('clients table against the installed libraries', () => {
  it('should match httpx, httpx2 and the official Python SDKs as built with no arguments', () => {
    const read = JSON.parse(execFileSync(python, ['-c', PY_READ], { encoding: 'utf8' })) as Record<string, Read> & { versions: Record<string, string> };
    for (const id of ['httpx', 'httpx2', 'openai-py', 'anthropic-py']) {
      const d = findClient(id)!.defaults;
      expect({ id, ...read[id] }).toEqual({
        id,
        maxConnections: d.maxConnections,
        maxKeepalive: d.maxKeepalive,
        keepaliveSec: d.keepaliveSec,
        poolTimeoutSec: d.poolTimeoutSec,
        connectTimeoutSec: d.connectTimeoutSec,
        readTimeoutSec: d.readTimeoutSec,
        protocol: d.protocol,
      });
    }
    expect(findClient('httpx')!.poolLibrary).toContain(read.versions.httpx!);
    expect(findClient('httpx2')!.poolLibrary).toContain(read.versions.httpx2!);
  });

  it('should match undici 7 on Node 20 and undici 8 on Node 22', () => {
    const u7 = JSON.parse(execFileSync(process.execPath, ['-e', JS_READ(join(root, 'node_modules/undici'))], { encoding: 'utf8' }));
    const u8 = JSON.parse(execFileSync(node22, ['-e', JS_READ(join(undici8Dir, 'node_modules/undici'))], { encoding: 'utf8' }));
    for (const [id, read] of [['undici7', u7], ['undici', u8]] as const) {
      const client = findClient(id)!;
      expect(client.poolLibrary).toContain(read.version);
      expect(read.maxConnections ?? null).toBe(client.defaults.maxConnections);
      expect(read.keepaliveSec).toBe(client.defaults.keepaliveSec);
      expect(read.streamsPerConnection).toBe(client.defaults.streamsPerConnection);
      expect({ id, connect: read.connectTimeoutSec, headers: read.headersTimeoutSec, body: read.bodyTimeoutSec }).toEqual({
        id,
        connect: client.defaults.connectTimeoutSec,
        headers: client.defaults.readTimeoutSec,
        body: client.defaults.readTimeoutSec,
      });
      expect(client.defaults.maxKeepalive).toBeNull(); // undici has no idle cap at all
    }
    expect(u8.bundled).toBe(NODE_FETCH['22'].undici);
  });

  it('should hold, for each Node major, the npm release of the undici its fetch bundles (the cited source)', () => {
    for (const major of NODE_MAJORS) {
      const pkg = join(nodeFixture(major), 'node_modules/undici-bundled/package.json');
      if (!existsSync(pkg)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', nodeFixture(major)], { stdio: 'ignore' });
      expect({ major, version: (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version }).toEqual({ major, version: NODE_FETCH[major].undici });
    }
  }, 240_000);

  it('should match Node’s fetch and the Node SDKs on each Node major, as the undici that Node bundles builds them', () => {
    // The npm release of the bundled undici, run on that Node: its defaults are the global dispatcher's
    // (node-fetch.test.ts runs each Node's own fetch for the protocol, the cap and the keep-alive).
    for (const major of NODE_MAJORS) {
      const dir = join(nodeFixture(major), 'node_modules/undici-bundled');
      if (!existsSync(dir)) execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', nodeFixture(major)], { stdio: 'ignore' });
      const read = JSON.parse(execFileSync(join(nodeFixture(major), 'node_modules/.bin/node'), ['-e', JS_READ(dir)], { encoding: 'utf8' }));
      expect({ major, version: read.version, bundled: read.bundled }).toEqual({ major, version: NODE_FETCH[major].undici, bundled: NODE_FETCH[major].undici });
      for (const id of ['node-fetch', 'openai-ts', 'anthropic-ts'] as const) {
        const d = forNode(findClient(id)!, major).defaults;
        expect({ id, major, maxConnections: read.maxConnections ?? null, maxKeepalive: null, keepaliveSec: read.keepaliveSec, streamsPerConnection: read.streamsPerConnection, connectTimeoutSec: read.connectTimeoutSec, poolTimeoutSec: null }).toEqual({
          id,
          major,
          maxConnections: d.maxConnections,
          maxKeepalive: d.maxKeepalive,
          keepaliveSec: d.keepaliveSec,
          streamsPerConnection: d.streamsPerConnection,
          connectTimeoutSec: d.connectTimeoutSec,
          // undici has no pool timeout: a request waits for a socket as long as it takes.
          poolTimeoutSec: d.poolTimeoutSec,
        });
        // The SDKs pass their own timeout (the next test reads it); plain fetch keeps undici's.
        if (id === 'node-fetch') expect([read.headersTimeoutSec, read.bodyTimeoutSec]).toEqual([d.readTimeoutSec, d.readTimeoutSec]);
      }
    }
  }, 240_000);

  it('should match the Node SDKs’ own timeout, read from the installed SDKs', () => {
    const read = `import Anthropic from '@anthropic-ai/sdk'; import OpenAI from 'openai'; import { readFileSync } from 'node:fs';
      const v = (p) => JSON.parse(readFileSync('node_modules/' + p + '/package.json', 'utf8')).version;
      console.log(JSON.stringify({ 'anthropic-ts': [new Anthropic({ apiKey: 'k' }).timeout, v('@anthropic-ai/sdk')], 'openai-ts': [new OpenAI({ apiKey: 'k' }).timeout, v('openai')] }));`;
    const got = JSON.parse(execFileSync(node22, ['--input-type=module', '-e', read], { cwd: undici8Dir, encoding: 'utf8' })) as Record<string, [number, string]>;
    for (const id of ['anthropic-ts', 'openai-ts'] as const) {
      const client = findClient(id)!;
      const [timeoutMs, version] = got[id]!;
      expect({ id, timeoutSec: timeoutMs / 1000 }).toEqual({ id, timeoutSec: client.defaults.readTimeoutSec });
      // The cited line is read in the installed SDK, so the table must name the installed version.
      expect(client.sources.readTimeoutSec!.package).toBe(`${client.library} ${version}`);
    }
  });

  it('should cite source lines that still say what they are cited for', () => {
    // By the name the citation is filed under: a default's field, or what a snippet or a Node major cites it for.
    const keyword: Record<string, RegExp> = {
      maxConnections: /connections|limit/i,
      maxKeepalive: /keepalive/i,
      keepaliveSec: /keep_?alive/i,
      poolTimeoutSec: /timeout/i,
      connectTimeoutSec: /connect/i,
      readTimeoutSec: /timeout/i,
      protocol: /http2|allowH2/i,
      streamsPerConnection: /ConcurrentStreams/i,
      streamsOption: /maxConcurrentStreams/,
      multiplexesPosts: /idempotent|multiplex/i,
      keepaliveRuleSource: /idle/i,
      h2OneStreamUntilSettings: /just 1 until the remote server/,
      rules: /kGetDispatcher/,
      http2: /pipelining|idempotent|multiplex/i,
      limit: /"limit": self\.limits\.max_connections/,
      keepalive: /keepalive_timeout=self\.limits\.keepalive_expiry/,
      pool: /connect=timeout\.get\("pool"\)/,
      tcpKeepaliveSource: /keepAlive|socket_options|socket_factory|TCPConnector\(|DefaultAsyncHttpxClient/,
      retries: /RetryDelay|RETRY_DELAY/,
    };
    const bundledDir = new Map(NODE_MAJORS.map((m) => [`undici ${NODE_FETCH[m].undici}`, join(nodeFixture(m), 'node_modules/undici-bundled')]));
    const nodeSdk = /^(openai 7\.|@anthropic-ai\/sdk )/;
    const fileOf = (pkg: string, file: string) =>
      bundledDir.has(pkg)
        ? join(bundledDir.get(pkg)!, file)
        : nodeSdk.test(pkg)
          ? join(undici8Dir, 'node_modules', pkg.split(' ')[0]!, file)
          : pkg.startsWith('undici 8')
            ? join(undici8Dir, 'node_modules/undici', file)
            : pkg.startsWith('undici 7')
              ? join(root, 'node_modules/undici', file)
              : join(sitePackages, file);
    // Every citation the table holds, however deep: the defaults' sources, the snippets' (snippet.*),
    // each Node major's and the SDKs' aiohttp transport lines.
    const refs: [string, string, SourceRef][] = [];
    for (const client of CLIENTS as readonly ClientFacts[]) if (!GO_IDS.includes(client.id) && !OKHTTP_IDS.includes(client.id)) collectRefs(client.id, client, client.id, refs);
    for (const major of NODE_MAJORS) collectRefs(`node ${major}`, NODE_FETCH[major], major, refs);
    collectRefs('SDK_TRANSPORT', SDK_TRANSPORT, 'SDK_TRANSPORT', refs);
    let checked = 0;
    for (const [id, field, ref] of refs) {
      // LiteLLM does not install here: its lines were read in its repository (src/core/clients/aiohttp/facts.ts).
      if (ref.package.startsWith('litellm')) continue;
      const path = fileOf(ref.package, ref.file);
      // Every cited file is installed by the fixtures and the venv: a missing one is a wrong citation.
      expect(existsSync(path), `${id} → ${ref.package} ${ref.file}`).toBe(true);
      const line = readFileSync(path, 'utf8').split('\n')[ref.line - 1] ?? '';
      // A new kind of citation needs its keyword here, or it would go unchecked.
      expect(keyword[field], `${id}: no keyword for citations filed under ${field}`).toBeDefined();
      // The keyword is matched against the line alone: the field's name (readTimeoutSec) would match it too.
      expect(line.trim(), `${id} → ${ref.package} ${ref.file}:${ref.line}`).toMatch(keyword[field]!);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(50);
  });
  it.skipIf(!haveGo)(haveGo ? 'should match net/http’s DefaultTransport, as Debian’s Go 1.19 builds it, for Go and the Go SDKs' : NO_GO, () => {
    const dir = mkdtempSync(join(tmpdir(), 'go-defaults-'));
    writeFileSync(join(dir, 'read.go'), GO_READ);
    const env = { ...process.env, GOCACHE: join(dir, '.gocache'), GOPATH: join(dir, '.gopath'), GOPROXY: 'off', GO111MODULE: 'off' };
    const read = JSON.parse(execFileSync(join(GO_ROOT, 'bin/go'), ['run', 'read.go'], { cwd: dir, env, encoding: 'utf8' })) as Record<string, number | string | boolean>;
    const transport = readFileSync(join(GO_ROOT, 'src/net/http/transport.go'), 'utf8');
    const h2 = readFileSync(join(GO_ROOT, 'src/net/http/h2_bundle.go'), 'utf8');
    // DefaultTransport's dialer: the first Timeout after "var DefaultTransport".
    const dial = /var DefaultTransport[\s\S]*?Timeout:\s+(\d+) \* time\.Second/.exec(transport);
    const streams = /http2initialMaxConcurrentStreams = (\d+)/.exec(h2);
    expect(GO).toContain(String(read.version).replace(/^go/, ''));
    for (const id of GO_IDS) {
      const d = findClient(id)!.defaults;
      expect({
        id,
        // 0 means no cap in net/http.
        maxConnections: read.maxConnections === 0 ? null : read.maxConnections,
        maxKeepalive: read.maxKeepalive,
        keepaliveSec: read.keepaliveSec,
        connectTimeoutSec: Number(dial?.[1]),
        protocol: read.forceH2 ? 'h2' : 'h1',
        streamsPerConnection: Number(streams?.[1]),
        // net/http has no wait limit for a connection: the request's context is the only one.
        poolTimeoutSec: null,
      }).toEqual({ id, maxConnections: d.maxConnections, maxKeepalive: d.maxKeepalive, keepaliveSec: d.keepaliveSec, connectTimeoutSec: d.connectTimeoutSec, protocol: d.protocol, streamsPerConnection: d.streamsPerConnection, poolTimeoutSec: d.poolTimeoutSec });
    }
    // The plain client reads no response-header timeout; anthropic-sdk-go's 10 min is its own (checked in its source).
    expect(read.responseHeaderTimeoutSec === 0 ? null : read.responseHeaderTimeoutSec).toBe(findClient('go-nethttp')!.defaults.readTimeoutSec);
  }, 120_000);

  it.skipIf(!haveGo)(haveGo ? 'should cite Go source lines (transport.go, h2_bundle.go) that still say what they are cited for' : NO_GO, () => {
    const keyword: Record<string, RegExp> = {
      maxConnections: /MaxConnsPerHost <= 0/,
      maxKeepalive: /DefaultMaxIdleConnsPerHost = 2/,
      keepaliveSec: /IdleConnTimeout:/,
      connectTimeoutSec: /^Timeout: +\d+ \* time\.Second/,
      protocol: /ForceAttemptHTTP2: +true/,
      streamsPerConnection: /http2initialMaxConcurrentStreams = /,
      idleCapPerHost: /t\.maxIdleConnsPerHost\(\)/,
      idleCapTotal: /t\.MaxIdleConns != 0/,
      lifoReuse: /list\[len\(list\)-1\]/,
      handToWaiter: /idleConnWait\[key\]/,
      connsPerHostWait: /connsPerHostWait\[/,
      noConnCap: /MaxConnsPerHost <= 0/,
      forceH2: /ForceAttemptHTTP2/,
      h2ExtraConn: /maxConcurrentStreams/,
      h2ColdDialDiscarded: /don't need this c/,
      tcpKeepaliveSource: /KeepAlive: +30 \* time\.Second/,
    };
    const refs = collectRefs('GO_RULES', GO_RULES, 'GO_RULES');
    for (const id of GO_IDS) collectRefs(id, findClient(id), id, refs);
    let checked = 0;
    for (const [id, field, ref] of refs) {
      // The SDK modules cannot be downloaded here: their lines were read in their repositories (goNetHttp/facts.ts).
      if (ref.package !== GO) continue;
      const path = join(GO_ROOT, 'src', ref.file);
      expect(existsSync(path), `${id} → ${ref.file}`).toBe(true);
      expect(keyword[field], `${id}: no keyword for citations filed under ${field}`).toBeDefined();
      const line = readFileSync(path, 'utf8').split('\n')[ref.line - 1] ?? '';
      expect(line.trim(), `${id} → ${ref.file}:${ref.line}`).toMatch(keyword[field]!);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it.skipIf(!haveJava)(haveJava ? 'should match a new OkHttpClient, run against Debian’s OkHttp 3.13.1 jar, for OkHttp and the Java SDKs' : NO_JAVA, () => {
    const dir = mkdtempSync(join(tmpdir(), 'okhttp-defaults-'));
    writeFileSync(join(dir, 'Read.java'), JAVA_READ);
    const read = JSON.parse(execFileSync('java', ['-cp', OKHTTP_CLASSPATH.join(':'), 'Read.java'], { cwd: dir, encoding: 'utf8' })) as Record<string, number | string | boolean>;
    expect(OKHTTP).toContain(String(read.version).replace(/^okhttp\//, ''));
    const raw = findClient('okhttp')!.defaults;
    expect({ maxConnections: read.maxConnections, maxKeepalive: read.maxKeepalive, keepaliveSec: read.keepaliveSec, connectTimeoutSec: read.connectTimeoutSec, readTimeoutSec: read.readTimeoutSec, protocol: read.h2 ? 'h2' : 'h1' }).toEqual({
      maxConnections: raw.maxConnections,
      maxKeepalive: raw.maxKeepalive,
      keepaliveSec: raw.keepaliveSec,
      connectTimeoutSec: raw.connectTimeoutSec,
      readTimeoutSec: raw.readTimeoutSec,
      protocol: raw.protocol,
    });
    // The SDKs keep OkHttp's pool and lift the per-host cap to maxRequests (their source, cited in okhttp/facts.ts).
    for (const id of ['openai-java', 'anthropic-java']) {
      const d = findClient(id)!.defaults;
      expect({ id, maxConnections: d.maxConnections, maxKeepalive: d.maxKeepalive, keepaliveSec: d.keepaliveSec, protocol: d.protocol }).toEqual({ id, maxConnections: read.maxRequests, maxKeepalive: read.maxKeepalive, keepaliveSec: read.keepaliveSec, protocol: raw.protocol });
    }
  }, 120_000);

  it.skipIf(!haveJava)(haveJava ? 'should cite OkHttp 3.13.1 lines whose bytecode in the jar still does what they are cited for' : NO_JAVA, () => {
    // Matched against what javac compiled the line to: the field it sets or reads, the constants it loads.
    const keyword: Record<string, RegExp> = {
      maxConnections: /iconst_5\s+putfield .*Field maxRequestsPerHost:I/,
      maxRequestsPerHost: /iconst_5\s+putfield .*Field maxRequestsPerHost:I/,
      maxRequests: /bipush\s+64\s+putfield .*Field maxRequests:I/,
      // new ConnectionPool(): this(5, 5, TimeUnit.MINUTES).
      maxKeepalive: /iconst_5\s+ldc2_w .*long 5l\s+getstatic .*TimeUnit\.MINUTES/,
      keepaliveSec: /iconst_5\s+ldc2_w .*long 5l\s+getstatic .*TimeUnit\.MINUTES/,
      idleDefaults: /iconst_5\s+ldc2_w .*long 5l\s+getstatic .*TimeUnit\.MINUTES/,
      connectTimeoutSec: /sipush\s+10000\s+putfield .*Field connectTimeout:I/,
      readTimeoutSec: /sipush\s+10000\s+putfield .*Field readTimeout:I/,
      promote: /Field runningAsyncCalls[\s\S]*Field maxRequests:I/,
      evictLongestIdle: /Field maxIdleConnections:I/,
      reuseInCreationOrder: /Field connections:Ljava\/util\/Deque;[\s\S]*iterator/,
      http2Streams: /Http2Connection\.maxConcurrentStreams/,
      tcpKeepaliveSource: /SocketFactory\.getDefault/,
      retries: /retryOnConnectionFailure/,
    };
    const refs = collectRefs('OKHTTP_RULES', OKHTTP_RULES, 'OKHTTP_RULES');
    for (const id of OKHTTP_IDS) collectRefs(id, findClient(id), id, refs);
    const classes = new Map<string, Map<number, string>>();
    let checked = 0;
    for (const [id, field, ref] of refs) {
      // OkHttp 5.x and the Java SDKs need Maven Central, unreachable here: their lines were read in their repositories (okhttp/facts.ts).
      if (ref.package !== OKHTTP) continue;
      const className = ref.file.replace(/^.*src\/main\/java\//, '').replace(/\.java$/, '').replace(/\//g, '.');
      if (!classes.has(className)) classes.set(className, new Map([...jarLines(className), ...jarLines(`${className}$Builder`).entries()].filter(([line]) => line > 0)));
      const lines = classes.get(className)!;
      // javac files a condition spread over lines under its first line: a cited line without code is read from the nearest above (2 at most).
      const code = lines.get(ref.line) ?? lines.get(ref.line - 1) ?? lines.get(ref.line - 2) ?? '';
      expect(keyword[field], `${id}: no keyword for citations filed under ${field}`).toBeDefined();
      expect(code, `${id} → ${ref.file}:${ref.line}`).toMatch(keyword[field]!);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
