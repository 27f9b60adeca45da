/**
 * From the constructor calls a front end found to the clients a file builds: which object owns each
 * pool, what that pool is, and the findings (per-request clients, no close, rejected objects).
 */
import { findClient } from '../clients/registry.ts';
import { AUDIT_FACTS } from './facts.ts';
import { goTransportPool, sdkHttpClient, transportOfClient, type GoTransport } from './goPools.ts';
import { javaSdkPool, okhttpPool } from './javaPools.ts';
import { aiohttpPool, defaultsOf, figure, httpxPool, poolTimeout, sdkAioPool, undiciPool, type Acc } from './pools.ts';
import type { AuditClient, AuditLanguage, AuditPool, AuditResult, Finding, ObjectSite, ParsedFile, Value } from './types.ts';

type Kind = 'httpx' | 'sdkPy' | 'sdkHttpx' | 'sdkAio' | 'aiohttp' | 'undici' | 'sdkJs' | 'goTransport' | 'goClient' | 'goDefault' | 'goSdk' | 'okhttp' | 'javaSdk';

function kindOf(ctor: string, language: AuditLanguage): Kind | null {
  if (language === 'go') {
    if (/^http\.(Transport|DefaultTransport\.Clone|DefaultTransport)$/.test(ctor)) return 'goTransport';
    if (ctor === 'http.Client') return 'goClient';
    if (ctor === 'http.DefaultClient') return 'goDefault';
    if (/^(openai|anthropic)\.NewClient$/.test(ctor)) return 'goSdk';
    return null;
  }
  if (language === 'java') {
    if (/^okhttp3\.OkHttpClient(\.Builder|\.newBuilder)?$/.test(ctor)) return 'okhttp';
    if (/^(OpenAI|Anthropic)OkHttpClient$/.test(ctor)) return 'javaSdk';
    return null;
  }
  if (language === 'javascript') {
    if (/^undici\.(Agent|Pool|Client)$/.test(ctor)) return 'undici';
    if (/^(openai\.(OpenAI|AzureOpenAI)|anthropic\.Anthropic)$/.test(ctor)) return 'sdkJs';
    return null;
  }
  if (/^httpx2?\.(AsyncClient|Client)$/.test(ctor)) return 'httpx';
  if (/^(openai\.(Async)?(Azure)?OpenAI|anthropic\.(Async)?Anthropic)$/.test(ctor)) return 'sdkPy';
  if (/^(openai|anthropic)\.Default(Async)?Httpx2?Client$/.test(ctor)) return 'sdkHttpx'; // openai 3 names them DefaultHttpx2Client too
  if (/^(openai|anthropic)\.DefaultAioHttpClient$/.test(ctor)) return 'sdkAio';
  if (ctor === 'aiohttp.ClientSession') return 'aiohttp';
  return null;
}

const vendorOf = (ctor: string): 'openai' | 'anthropic' => (/^anthropic/i.test(ctor) ? 'anthropic' : 'openai');
const libOf = (ctor: string): 'httpx' | 'httpx2' => (ctor.startsWith('httpx2') ? 'httpx2' : 'httpx');
const asObj = (v: Value | undefined): ObjectSite | null => (v?.k === 'obj' ? v.obj : null);

interface Built {
  client: string;
  library: string;
  pool: AuditPool | null;
  owner: ObjectSite;
  /** The pool is process-wide (Go's http.DefaultTransport): no call site builds it. */
  global?: true;
}

export function interpret(file: string, parsed: ParsedFile, language: AuditLanguage): AuditResult {
  const consumed = new Set<number>();
  const globalAgent = parsed.globalDispatchers.map((g) => asObj(g.value)).find((o) => o !== null) ?? null;
  const go: GoFile = { defaultTransport: parsed.sites.find((s) => s.ctor === 'http.DefaultTransport') ?? null, defaultOwner: null };
  let defaultUser = false;
  for (const site of parsed.sites) {
    const kind = kindOf(site.ctor, language);
    if (kind === 'goClient' || kind === 'goSdk') {
      const http = kind === 'goSdk' ? sdkHttpClient(site) : undefined;
      const client = kind === 'goClient' ? site : asObj(http);
      if (client && kind === 'goSdk') consumed.add(client.at);
      const t = client?.ctor === 'http.Client' ? transportOfClient(client, go.defaultTransport) : null;
      if (t && 'kind' in t && t.kind === 'site') consumed.add(t.site.at);
      if ((t && 'kind' in t && t.kind === 'default') || client?.ctor === 'http.DefaultClient' || (kind === 'goSdk' && http === undefined)) defaultUser = true;
    } else if (kind === 'goDefault') {
      // One pool however many places use it: the first use stands for http.DefaultClient.
      if (defaultUser) consumed.add(site.at);
      defaultUser = true;
    } else if (kind === 'sdkPy') {
      const http = asObj(site.kw.get('http_client'));
      if (http) consumed.add(http.at);
    } else if (kind === 'sdkJs') {
      const agent = dispatcherOf(site) ?? globalAgent;
      if (agent) consumed.add(agent.at);
    }
  }

  const clients: AuditClient[] = [];
  const findings: Finding[] = [];
  const owners = new Map<number, AuditClient[]>();
  if (go.defaultTransport && defaultUser) consumed.add(go.defaultTransport.at);
  for (const site of parsed.sites) {
    const kind = kindOf(site.ctor, language);
    if (!kind || consumed.has(site.at)) continue;
    const acc: Acc = { unknown: [], fromEnv: [], notes: [], findings: [] };
    const built = build(kind, site, acc, globalAgent, go);
    const entry: AuditClient = {
      file,
      line: site.line,
      client: built.client,
      library: built.library,
      pools: built.pool ? [built.pool] : [],
      unknown: [...new Set(acc.unknown)],
      fromEnv: acc.fromEnv,
      notes: dedupe(acc.notes),
    };
    clients.push(entry);
    owners.set(built.owner.at, [...(owners.get(built.owner.at) ?? []), entry]);
    for (const f of acc.findings) findings.push({ file, ...f });
    findings.push(...lifecycle(file, kind, site, built, parsed.closed));
  }
  for (const group of owners.values()) {
    if (group.length < 2) continue;
    for (const c of group) c.notes.push({ text: `shares one pool with the client${group.length > 2 ? 's' : ''} at line ${group.filter((o) => o !== c).map((o) => o.line).join(', ')}: the caps are for all of them together` });
  }
  return { clients, findings: dedupeFindings(findings) };
}

function dispatcherOf(site: ObjectSite): ObjectSite | null {
  const opts = site.pos[0];
  if (opts?.k !== 'dict') return null;
  const fetchOptions = opts.kw.get('fetchOptions');
  return fetchOptions?.k === 'dict' ? asObj(fetchOptions.kw.get('dispatcher')) : null;
}

/** Go's process-wide default: the fields a file sets on http.DefaultTransport, and one owner for every user of it. */
interface GoFile {
  defaultTransport: ObjectSite | null;
  defaultOwner: ObjectSite | null;
}

function build(kind: Kind, site: ObjectSite, acc: Acc, globalAgent: ObjectSite | null, go: GoFile): Built {
  switch (kind) {
    case 'goTransport':
    case 'goClient':
    case 'goDefault':
    case 'goSdk':
      return goBuilt(kind, site, acc, go);
    case 'okhttp': {
      const { pool, owner } = okhttpPool(acc, site);
      return { client: 'okhttp', library: site.ctor === 'okhttp3.OkHttpClient.newBuilder' ? 'OkHttpClient.newBuilder() (shares the base client’s pool and dispatcher unless it sets its own)' : site.ctor.replace(/^okhttp3\./, ''), pool, owner };
    }
    case 'javaSdk': {
      const vendor = vendorOf(site.ctor);
      return { client: `${vendor}-java`, library: `${site.ctor} (its own OkHttpClient)`, pool: javaSdkPool(acc, site, vendor), owner: site };
    }
    case 'httpx': {
      const lib = libOf(site.ctor);
      const { pool, owner } = httpxPool(acc, site, lib, site.kw.get('base_url'));
      return { client: lib, library: site.ctor, pool, owner };
    }
    case 'sdkHttpx': {
      const vendor = vendorOf(site.ctor);
      const { pool, owner } = httpxPool(acc, site, 'httpx2', site.kw.get('base_url'), defaultsOf(`${vendor}-py`));
      return { client: site.kw.has('limits') ? 'httpx2' : `${vendor}-py`, library: site.ctor, pool, owner };
    }
    case 'sdkAio': {
      const vendor = vendorOf(site.ctor);
      return { client: `${vendor}-py-aiohttp`, library: site.ctor, pool: sdkAioPool(acc, site, vendor), owner: site };
    }
    case 'aiohttp': {
      const { pool, owner } = aiohttpPool(acc, site);
      return { client: 'aiohttp', library: site.ctor, pool, owner };
    }
    case 'undici':
      return { client: 'undici', library: site.ctor, pool: undiciPool(acc, site), owner: site };
    case 'sdkPy':
      return sdkPython(site, acc);
    case 'sdkJs':
      return sdkNode(site, acc, globalAgent);
  }
}

function goBuilt(kind: 'goTransport' | 'goClient' | 'goDefault' | 'goSdk', site: ObjectSite, acc: Acc, go: GoFile): Built {
  const defaultOwner = (): ObjectSite => (go.defaultOwner ??= go.defaultTransport ?? site);
  const unknownPool = (why: Value): AuditPool => {
    figure(acc, 'maxConnections', why.k === 'unknown' ? why : { k: 'unknown', why: 'not an http.Client built in this file' }, null);
    return { maxConnections: 'unknown', maxKeepalive: 'unknown', keepaliveSec: 'unknown', protocol: 'unknown', poolTimeoutSec: null, perHost: 'unknown' };
  };
  const onTransport = (t: GoTransport | Value, client: string, library: string): Built => {
    if (!('kind' in t)) return { client, library, pool: unknownPool(t), owner: site };
    if (t.kind === 'site') return { client, library: `${library} over ${t.site.ctor === 'http.Transport' ? 'an http.Transport' : 'a clone of http.DefaultTransport'} (line ${t.site.line})`, pool: goTransportPool(acc, t, site.line), owner: t.site };
    return { client, library: `${library} on http.DefaultTransport`, pool: goTransportPool(acc, t, site.line), owner: defaultOwner(), global: true };
  };
  switch (kind) {
    case 'goTransport':
      if (site.ctor === 'http.DefaultTransport') return { client: 'go-nethttp', library: 'http.DefaultTransport (fields set in this file)', pool: goTransportPool(acc, { kind: 'default', mods: site }, site.line), owner: site, global: true };
      return { client: 'go-nethttp', library: site.ctor === 'http.Transport' ? 'http.Transport' : 'a clone of http.DefaultTransport', pool: goTransportPool(acc, { kind: 'site', site }, site.line), owner: site };
    case 'goClient':
      return onTransport(transportOfClient(site, go.defaultTransport), 'go-nethttp', 'http.Client');
    case 'goDefault':
      return onTransport({ kind: 'default', mods: go.defaultTransport }, 'go-nethttp', 'http.DefaultClient');
    case 'goSdk': {
      const vendor = vendorOf(site.ctor);
      const client = `${vendor}-go`;
      const http = sdkHttpClient(site);
      const source = findClient(client)?.sources.maxConnections;
      if (http === undefined) {
        if (vendor === 'openai') {
          acc.notes.push({ text: 'openai-go sends through http.DefaultClient: it shares http.DefaultTransport with the whole process', source });
          return onTransport({ kind: 'default', mods: go.defaultTransport }, client, site.ctor);
        }
        // anthropic-sdk-go clones http.DefaultTransport: a pool of its own per client, with the default's fields.
        acc.notes.push({ text: 'anthropic-sdk-go clones http.DefaultTransport for each client: a pool of its own with the default’s settings', source: findClient(client)?.sources.readTimeoutSec });
        return { client, library: `${site.ctor} (a clone of http.DefaultTransport)`, pool: goTransportPool(acc, { kind: 'default', mods: go.defaultTransport }, site.line), owner: site };
      }
      const inner = asObj(http);
      if (inner?.ctor === 'http.DefaultClient') return onTransport({ kind: 'default', mods: go.defaultTransport }, client, `${site.ctor} with http.DefaultClient`);
      if (inner?.ctor !== 'http.Client') return { client, library: `${site.ctor} with an http.Client built elsewhere`, pool: unknownPool(http), owner: site };
      return onTransport(transportOfClient(inner, go.defaultTransport), client, `${site.ctor} over http.Client (line ${inner.line})`);
    }
  }
}

function sdkPython(site: ObjectSite, acc: Acc): Built {
  const vendor = vendorOf(site.ctor);
  const sdkId = `${vendor}-py`;
  const http = site.kw.get('http_client');
  const timeoutArg = site.kw.get('timeout');
  if (http === undefined || http.k === 'none') {
    const d = defaultsOf(sdkId);
    const pool: AuditPool = { maxConnections: d.maxConnections, maxKeepalive: d.maxKeepalive, keepaliveSec: d.keepaliveSec, protocol: d.protocol, poolTimeoutSec: poolTimeout(acc, timeoutArg, d.poolTimeoutSec), perHost: null };
    return { client: sdkId, library: `${site.ctor} (its own httpx2 pool)`, pool, owner: site };
  }
  const inner = asObj(http);
  const innerKind = inner ? kindOf(inner.ctor, 'python') : null;
  if (!inner || !innerKind || innerKind === 'sdkPy' || innerKind === 'aiohttp') {
    const d = defaultsOf(sdkId);
    figure(acc, 'maxConnections', http.k === 'unknown' ? http : { k: 'unknown', why: 'http_client is not a client built in this file' }, null);
    return { client: sdkId, library: `${site.ctor} with an http_client built elsewhere`, pool: { maxConnections: 'unknown', maxKeepalive: 'unknown', keepaliveSec: 'unknown', protocol: d.protocol, poolTimeoutSec: 'unknown', perHost: null }, owner: site };
  }
  const over = `${site.ctor} over ${inner.ctor} (line ${inner.line})`;
  if (innerKind === 'sdkAio') {
    const v = vendorOf(inner.ctor);
    const pool = sdkAioPool(acc, inner, v);
    if (timeoutArg !== undefined) pool.poolTimeoutSec = poolTimeout(acc, timeoutArg, pool.poolTimeoutSec);
    return { client: `${v}-py-aiohttp`, library: over, pool, owner: inner };
  }
  const lib = innerKind === 'sdkHttpx' ? 'httpx2' : libOf(inner.ctor);
  if (lib === 'httpx' && vendor === 'anthropic') {
    acc.findings.push({
      line: site.line,
      kind: 'rejected-client',
      severity: 'error',
      message: `anthropic 1.x refuses an httpx 0.x client: ${site.ctor}(http_client=${inner.ctor}(...)) raises TypeError when it is constructed`,
      fix: 'build the client with httpx2 (same arguments): http_client=httpx2.AsyncClient(...)',
      source: site.ctor.includes('Async') ? AUDIT_FACTS.anthropicRejects.async : AUDIT_FACTS.anthropicRejects.sync,
    });
    return { client: 'httpx', library: over, pool: null, owner: inner };
  }
  if (lib === 'httpx') acc.notes.push({ text: 'openai 3 accepts an httpx 0.x client and runs on it: its pool follows httpx 0.28’s rules (httpcore 1.x), not httpx2’s', source: AUDIT_FACTS.openaiLegacyHttpx });
  const { pool, owner } = httpxPool(acc, inner, lib, site.kw.get('base_url') ?? inner.kw.get('base_url'), innerKind === 'sdkHttpx' ? defaultsOf(sdkId) : defaultsOf(lib));
  // The SDK times each request itself: its timeout=, else the client's when it differs from httpx's default, else 600 s.
  const clientTimeout = inner.kw.get('timeout');
  const sdkDefault = defaultsOf(sdkId).poolTimeoutSec;
  if (timeoutArg !== undefined) pool.poolTimeoutSec = poolTimeout(acc, timeoutArg, sdkDefault);
  else if (clientTimeout === undefined) {
    if (innerKind !== 'sdkHttpx') acc.notes.push({ text: `the SDK times requests with its own ${sdkDefault} s, not the client's default 5 s pool timeout`, source: AUDIT_FACTS.sdkTimeoutFromClient });
    pool.poolTimeoutSec = sdkDefault;
  }
  const client = innerKind === 'sdkHttpx' && !inner.kw.has('limits') ? sdkId : lib;
  return { client, library: over, pool, owner };
}

function sdkNode(site: ObjectSite, acc: Acc, globalAgent: ObjectSite | null): Built {
  const vendor = vendorOf(site.ctor);
  const agent = dispatcherOf(site);
  const opts = site.pos[0];
  if (agent && agent.ctor.startsWith('undici.')) {
    return { client: 'undici', library: `${site.ctor} over ${agent.ctor} (line ${agent.line})`, pool: undiciPool(acc, agent), owner: agent };
  }
  if (opts?.k === 'dict' && (opts.kw.has('fetch') || opts.kw.has('fetchOptions') || opts.kw.has('...'))) {
    const d = defaultsOf(`${vendor}-ts`);
    acc.unknown.push('pool: fetch or fetchOptions set from something the audit does not read');
    return { client: `${vendor}-ts`, library: site.ctor, pool: { maxConnections: 'unknown', maxKeepalive: 'unknown', keepaliveSec: 'unknown', protocol: d.protocol, poolTimeoutSec: null, perHost: 'unknown' }, owner: site };
  }
  if (globalAgent) {
    return { client: 'undici', library: `${site.ctor} over the global dispatcher (${globalAgent.ctor}, line ${globalAgent.line})`, pool: undiciPool(acc, globalAgent), owner: globalAgent };
  }
  const d = defaultsOf(`${vendor}-ts`);
  acc.notes.push({ text: `Node's global fetch: pool rules and protocol follow the Node major (absent from code; the table assumes Node 24)`, source: findClient(`${vendor}-ts`)?.sources.protocol });
  return {
    client: `${vendor}-ts`,
    library: `${site.ctor} (Node's global fetch)`,
    pool: { maxConnections: d.maxConnections, maxKeepalive: d.maxKeepalive, keepaliveSec: d.keepaliveSec, protocol: d.protocol, poolTimeoutSec: d.poolTimeoutSec, perHost: d.maxConnections },
    owner: site,
  };
}

/** Per-request construction and a missing close, judged on the object that owns the pool. */
function lifecycle(file: string, kind: Kind, site: ObjectSite, built: Built, closed: Set<string>): Finding[] {
  const out: Finding[] = [];
  const owner = built.owner;
  const lang = kind.startsWith('go') ? 'go' : kind === 'okhttp' || kind === 'javaSdk' ? 'java' : null;
  if (lang) {
    // Go and Java: what matters is where the pool's owner is built (a Client per request on a shared Transport is harmless); nothing needs closing.
    const per = built.global ? null : owner.context.perCall;
    if (per && built.pool !== null) {
      out.push({
        file,
        line: owner.line,
        kind: lang === 'go' ? 'go-per-request' : 'okhttp-per-request',
        severity: 'error',
        message: `${owner.ctor} is built inside ${per.handler ? `the request handler ${per.fn}` : `${per.fn}()`}, which runs per ${per.handler ? 'request' : 'call'}: each run opens a new pool, pays a TCP+TLS handshake and reuses nothing${lang === 'go' ? ', and its idle connections stay open until IdleConnTimeout' : ', and each client keeps its own threads and idle connections'}`,
        fix: lang === 'go' ? 'build the Transport (and its Client) once, in a package-level var or main, and reuse it' : 'build one OkHttpClient at start-up and share it (client.newBuilder() for per-call settings shares its pool)',
      });
    }
    return out;
  }
  const per = owner.context.perCall ?? site.context.perCall;
  if (per && built.pool !== null && !(kind === 'sdkJs' && owner === site)) {
    out.push({
      file,
      line: owner.line,
      kind: 'per-request',
      severity: 'error',
      message: `${owner.ctor} is built inside ${per.handler ? `the request handler ${per.fn}` : `${per.fn}()`}, which runs per ${per.handler ? 'request' : 'call'}: each run opens a new pool, pays a TCP+TLS handshake and reuses nothing`,
      fix: 'build it once at start-up (module level or the app’s lifespan) and reuse it',
    });
  }
  if (kind === 'sdkJs' && owner === site) return out;
  const names = [owner.context, site.context].filter((c) => !c.managed).map((c) => c.bound).filter((b): b is string => b !== null);
  const isClosed = site.context.managed || owner.context.managed || names.some((n) => closed.has(n) || [...closed].some((c) => c.split('.').pop() === n.split('.').pop()));
  if (!isClosed && names.length > 0) {
    const name = names[0]!;
    const js = kind === 'undici' || kind === 'sdkJs';
    out.push({
      file,
      line: site.line,
      kind: 'not-closed',
      severity: 'warning',
      message: `${name} is never closed: its connections are dropped rather than shut down${per ? ', and one pool leaks per call' : ''}`,
      fix: js ? `await ${name}.close() on shutdown` : `await ${name}.aclose() (close() for a sync or aiohttp client) on shutdown, or use it in async with`,
    });
  }
  return out;
}

function dedupe<T extends { text: string }>(notes: T[]): T[] {
  const seen = new Set<string>();
  return notes.filter((n) => (seen.has(n.text) ? false : (seen.add(n.text), true)));
}

function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.line}|${f.kind}|${f.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
