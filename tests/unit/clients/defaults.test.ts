/**
 * The clients table must match the libraries users install: each default is read from the real
 * library at test time (Python packages in the test venv, undici 7 on this Node, undici 8 on Node 22),
 * and every source reference must point at a line that still says what the table cites it for.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENTS, findClient, NODE_BUNDLED_UNDICI, type ClientDefaults, type ClientFacts } from '../../../src/core/clients.ts';

const root = process.cwd();
const undici8Dir = join(root, 'tests/fixtures/undici8');
const node22 = join(undici8Dir, 'node_modules/.bin/node');
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

/** undici's Agent/Pool/Client defaults, read from the private fields every dispatcher carries. */
const JS_READ = (undiciPath: string) => `
const { Pool, Client } = require(${JSON.stringify(undiciPath)});
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

  it('should match undici 7 on Node 20 and undici 8 on Node 22, and what each Node’s fetch bundles', () => {
    const u7 = JSON.parse(execFileSync(process.execPath, ['-e', JS_READ(join(root, 'node_modules/undici'))], { encoding: 'utf8' }));
    const u8 = JSON.parse(execFileSync(node22, ['-e', JS_READ(join(undici8Dir, 'node_modules/undici'))], { encoding: 'utf8' }));
    for (const [id, read] of [['undici7', u7], ['undici', u8]] as const) {
      const client = findClient(id)!;
      expect(client.poolLibrary).toContain(read.version);
      expect(read.maxConnections ?? null).toBe(client.defaults.maxConnections);
      expect(read.keepaliveSec).toBe(client.defaults.keepaliveSec);
      expect(read.streamsPerConnection).toBe(client.defaults.streamsPerConnection);
      expect(client.defaults.maxKeepalive).toBeNull(); // undici has no idle cap at all
    }
    expect(NODE_BUNDLED_UNDICI[process.versions.node.split('.')[0]!]).toBe(u7.bundled);
    expect(NODE_BUNDLED_UNDICI['22']).toBe(u8.bundled);
  });

  it('should cite source lines that still say what they are cited for', () => {
    const keyword: Record<keyof ClientDefaults, RegExp> = {
      maxConnections: /connections/i,
      maxKeepalive: /keepalive/i,
      keepaliveSec: /keep_?alive/i,
      poolTimeoutSec: /timeout/i,
      connectTimeoutSec: /connect/i,
      readTimeoutSec: /timeout/i,
      protocol: /http2|allowH2/i,
      streamsPerConnection: /ConcurrentStreams/i,
    };
    const fileOf = (pkg: string, file: string) =>
      pkg.startsWith('undici 8') ? join(undici8Dir, 'node_modules/undici', file) : pkg.startsWith('undici 7') ? join(root, 'node_modules/undici', file) : join(sitePackages, file);
    let checked = 0;
    for (const client of CLIENTS as readonly ClientFacts[]) {
      for (const [field, ref] of Object.entries(client.sources) as [keyof ClientDefaults, NonNullable<ClientFacts['sources'][keyof ClientDefaults]>][]) {
        if (/^(openai|@anthropic-ai)\/?.*ts|node/.test(ref.package)) continue; // Node SDK sources are checked by the snippet tests' fixture
        const path = fileOf(ref.package, ref.file);
        if (!existsSync(path)) continue;
        const line = readFileSync(path, 'utf8').split('\n')[ref.line - 1] ?? '';
        expect(`${client.id}.${field} → ${ref.file}:${ref.line}: ${line.trim()}`).toMatch(keyword[field]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });
});
