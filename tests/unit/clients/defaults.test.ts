/**
 * The clients table must match the libraries users install: each default is read from the real
 * library at test time (Python packages in the test venv, undici 7 on this Node, undici 8 and the Node
 * SDKs on Node 22), and every source reference must point at a line that still says what the table
 * cites it for — the Node SDKs' in the installed SDK, the Node majors' in the npm release of the undici
 * each bundles (node-fetch.test.ts runs each Node's own fetch).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SDK_TRANSPORT } from '../../../src/core/clients/aiohttp/facts.ts';
import { CLIENTS, findClient, forNode, NODE_FETCH, NODE_MAJORS, type ClientDefaults, type ClientFacts, type SourceRef } from '../../../src/core/clients/index.ts';

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
    const collect = (where: string, value: unknown, name: string): void => {
      if (!value || typeof value !== 'object') return;
      const v = value as Partial<SourceRef>;
      if (typeof v.package === 'string' && typeof v.file === 'string' && typeof v.line === 'number') refs.push([where, name, v as SourceRef]);
      else for (const [key, inner] of Object.entries(value)) collect(`${where}.${key}`, inner, key === 'source' ? name : key);
    };
    for (const client of CLIENTS as readonly ClientFacts[]) collect(client.id, client, client.id);
    for (const major of NODE_MAJORS) collect(`node ${major}`, NODE_FETCH[major], major);
    collect('SDK_TRANSPORT', SDK_TRANSPORT, 'SDK_TRANSPORT');
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
});
