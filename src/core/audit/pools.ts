/**
 * Turns evaluated constructor arguments into the pool the library builds: defaults from the clients
 * table where the code passes nothing, the library's own rules where it ignores or rewrites an option.
 */
import { findClient } from '../clients/registry.ts';
import type { ClientDefaults, SourceRef } from '../clients/types.ts';
import { AUDIT_FACTS } from './facts.ts';
import type { AuditPool, Figure, Finding, ObjectSite, PoolField, Value } from './types.ts';

/** What one client's pool is being assembled from, and what was said about it on the way. */
export interface Acc {
  unknown: string[];
  fromEnv: { field: PoolField; variable: string }[];
  notes: { text: string; source?: SourceRef }[];
  findings: Omit<Finding, 'file'>[];
}

export function defaultsOf(id: string): ClientDefaults {
  const client = findClient(id);
  if (!client) throw new Error(`the clients table has no "${id}"`);
  return client.defaults;
}

export function figure(acc: Acc, field: PoolField, v: Value | undefined, fallback: Figure, scale = 1, none: Figure = null): Figure {
  if (v === undefined) return fallback;
  if (v.k === 'num') {
    if (v.env) acc.fromEnv.push({ field, variable: v.env.variable });
    return v.v * scale;
  }
  if (v.k === 'none') return none;
  acc.unknown.push(`${field}: ${v.k === 'unknown' ? v.why : `a ${v.k === 'str' ? 'string' : v.k} where a number goes`}`);
  return 'unknown';
}

const allUnknown = (acc: Acc, why: string): AuditPool => {
  acc.unknown.push(`pool: ${why}`);
  return { maxConnections: 'unknown', maxKeepalive: 'unknown', keepaliveSec: 'unknown', protocol: 'unknown', poolTimeoutSec: 'unknown', perHost: 'unknown' };
};

const isObj = (v: Value | undefined, ...suffixes: string[]): v is { k: 'obj'; obj: ObjectSite } =>
  v?.k === 'obj' && suffixes.some((s) => v.obj.ctor.endsWith(s));

/** A Timeout(...) or a number, as httpx reads it: the pool timeout is `pool=`, else the single default. */
export function poolTimeout(acc: Acc, v: Value | undefined, fallback: Figure): Figure {
  if (isObj(v, '.Timeout')) {
    const t = v.obj;
    return figure(acc, 'poolTimeoutSec', t.kw.get('pool') ?? t.pos[0] ?? t.kw.get('timeout'), 'unknown');
  }
  return figure(acc, 'poolTimeoutSec', v, fallback);
}

/** httpx / httpx2 (Async)Client: its own limits, or those of the transport it was handed. */
export function httpxPool(acc: Acc, client: ObjectSite, lib: 'httpx' | 'httpx2', baseUrl: Value | undefined, defaults = defaultsOf(lib)): { pool: AuditPool; owner: ObjectSite } {
  let source = client;
  const transport = client.kw.get('transport');
  if (transport) {
    if (!isObj(transport, '.AsyncHTTPTransport', '.HTTPTransport')) return { pool: allUnknown(acc, 'transport= is not an httpx transport built in this file'), owner: client };
    source = transport.obj;
    for (const ignored of ['limits', 'http2'].filter((k) => client.kw.has(k))) {
      acc.notes.push({ text: `${ignored}= on the client is ignored: the transport passed as transport= is used as it is`, source: AUDIT_FACTS.transportWins[lib] });
    }
  }
  if (client.kw.has('**') || source.kw.has('**')) acc.unknown.push(`arguments: ${(client.kw.get('**') ?? source.kw.get('**'))!.k === 'unknown' ? 'keyword arguments unpacked with **' : ''}`);
  const limits = source.kw.get('limits');
  // A transport passed as transport= keeps its own class's defaults, not an SDK helper's (DefaultHttpx2Client(transport=...)).
  const poolDefaults = source === client ? defaults : defaultsOf(lib);
  let maxConnections: Figure = poolDefaults.maxConnections;
  let maxKeepalive: Figure = poolDefaults.maxKeepalive;
  let keepaliveSec: Figure = poolDefaults.keepaliveSec;
  if (isObj(limits, '.Limits')) {
    const l = limits.obj;
    maxConnections = figure(acc, 'maxConnections', l.kw.get('max_connections'), null);
    maxKeepalive = figure(acc, 'maxKeepalive', l.kw.get('max_keepalive_connections'), null);
    keepaliveSec = figure(acc, 'keepaliveSec', l.kw.get('keepalive_expiry'), 5);
    if (!l.kw.has('max_connections')) acc.notes.push({ text: 'Limits() without max_connections means no cap, not httpx’s default of 100', source: AUDIT_FACTS.limitsNone });
    if (l.kw.get('max_connections')?.k === 'none' || !l.kw.has('max_connections')) {
      acc.findings.push({ line: l.line, kind: 'no-cap', severity: 'warning', message: 'max_connections=None: no cap on open connections, so a burst opens one connection per request', fix: 'set max_connections to a number (pool-sizer recommend gives one)' });
    }
  } else if (limits !== undefined) {
    maxConnections = figure(acc, 'maxConnections', limits, 'unknown');
    maxKeepalive = keepaliveSec = 'unknown';
  }
  const http2 = source.kw.get('http2');
  let protocol: AuditPool['protocol'] = 'h1';
  if (http2?.k === 'bool' && http2.v) {
    protocol = 'h2';
    acc.findings.push({ line: source.line, kind: 'http2-needs-h2', severity: 'info', message: `http2=True needs the h2 package: without it ${lib}'s constructor raises ImportError`, fix: `install ${lib}[http2] (or h2) with the service`, source: AUDIT_FACTS.needsH2[lib] });
    if (baseUrl?.k === 'str' && /^http:\/\//i.test(baseUrl.v)) {
      protocol = 'h1';
      acc.findings.push({ line: source.line, kind: 'http2-over-http', severity: 'warning', message: `http2=True with base URL ${baseUrl.v.slice(0, 60)}: HTTP/2 is negotiated by TLS, so plain http:// speaks HTTP/1.1`, fix: 'use an https:// base URL, or drop http2=True', source: AUDIT_FACTS.h2NeedsTls[lib] });
    }
  } else if (http2 !== undefined && http2.k !== 'bool') {
    protocol = 'unknown';
    acc.unknown.push(`protocol: http2=${http2.k === 'unknown' ? http2.why : 'not a boolean'}`);
  }
  const poolTimeoutSec = poolTimeout(acc, client.kw.get('timeout'), defaults.poolTimeoutSec);
  if (lib === 'httpx' && typeof maxKeepalive === 'number' && typeof maxConnections === 'number' && maxKeepalive < maxConnections) {
    const rule = findClient('httpx')?.snippet?.keepaliveRuleSource;
    acc.findings.push({
      line: source.line,
      kind: 'keepalive-below-max',
      severity: 'warning',
      message: `httpx 0.28 max_keepalive_connections ${maxKeepalive} < max_connections ${maxConnections}: httpcore 1.x closes idle connections while all open ones exceed it, so a busy pool keeps reconnecting`,
      fix: `set max_keepalive_connections=${maxConnections} (or move to httpx2)`,
      ...(rule ? { source: rule } : {}),
    });
  }
  return { pool: { maxConnections, maxKeepalive, keepaliveSec, protocol, poolTimeoutSec, perHost: null }, owner: source };
}

/** The SDKs' DefaultAioHttpClient: httpx2 Limits mapped onto an aiohttp TCPConnector. */
export function sdkAioPool(acc: Acc, site: ObjectSite, vendor: 'openai' | 'anthropic'): AuditPool {
  const d = defaultsOf(`${vendor}-py-aiohttp`);
  const limits = site.kw.get('limits');
  let maxConnections: Figure = d.maxConnections;
  let keepaliveSec: Figure = d.keepaliveSec;
  if (isObj(limits, '.Limits')) {
    const l = limits.obj;
    // No max_connections → the transport passes no limit= → TCPConnector's own 100.
    maxConnections = figure(acc, 'maxConnections', l.kw.get('max_connections'), 100, 1, 100);
    if (!l.kw.has('max_connections') || l.kw.get('max_connections')?.k === 'none') acc.notes.push({ text: 'max_connections None: the aiohttp transport passes no limit, so TCPConnector keeps its default of 100', source: AUDIT_FACTS.aioLimitOmitted });
    keepaliveSec = figure(acc, 'keepaliveSec', l.kw.get('keepalive_expiry'), 5);
    if (l.kw.has('max_keepalive_connections')) {
      acc.notes.push({ text: 'max_keepalive_connections is dropped: aiohttp keeps every idle connection until keepalive_expiry', source: findClient(`${vendor}-py-aiohttp`)?.sources.poolTimeoutSec });
    }
  } else if (limits !== undefined) {
    maxConnections = figure(acc, 'maxConnections', limits, 'unknown');
    keepaliveSec = 'unknown';
  }
  const poolTimeoutSec = poolTimeout(acc, site.kw.get('timeout'), d.poolTimeoutSec);
  return { maxConnections, maxKeepalive: null, keepaliveSec, protocol: 'h1', poolTimeoutSec, perHost: null };
}

/** aiohttp.ClientSession: its TCPConnector's limits (0 = no cap) and ClientTimeout.connect as the pool wait. */
export function aiohttpPool(acc: Acc, session: ObjectSite): { pool: AuditPool; owner: ObjectSite } {
  const d = defaultsOf('aiohttp');
  const connector = session.kw.get('connector');
  let owner = session;
  let maxConnections: Figure = d.maxConnections;
  let perHost: Figure = null;
  let keepaliveSec: Figure = d.keepaliveSec;
  if (isObj(connector, 'aiohttp.TCPConnector')) {
    const c = connector.obj;
    owner = c;
    const zeroIsNone = (f: Figure): Figure => (f === 0 ? null : f);
    maxConnections = zeroIsNone(figure(acc, 'maxConnections', c.kw.get('limit'), d.maxConnections));
    perHost = zeroIsNone(figure(acc, 'perHost', c.kw.get('limit_per_host'), null));
    keepaliveSec = figure(acc, 'keepaliveSec', c.kw.get('keepalive_timeout'), d.keepaliveSec);
    if (maxConnections === null && c.kw.has('limit')) {
      acc.findings.push({ line: c.line, kind: 'no-cap', severity: 'warning', message: 'TCPConnector(limit=0): no cap on open connections', fix: 'set limit= (and limit_per_host=) to a number', source: AUDIT_FACTS.aiohttpNoLimit });
    }
    const force = c.kw.get('force_close');
    if (force?.k === 'bool' && force.v) {
      keepaliveSec = 0;
      acc.notes.push({ text: 'force_close=True: every connection closes after its request, nothing is reused' });
    }
  } else if (connector !== undefined) {
    return { pool: allUnknown(acc, 'connector= is not a TCPConnector built in this file'), owner };
  }
  const timeout = session.kw.get('timeout');
  let poolTimeoutSec: Figure = d.poolTimeoutSec;
  if (isObj(timeout, 'aiohttp.ClientTimeout')) poolTimeoutSec = figure(acc, 'poolTimeoutSec', timeout.obj.kw.get('connect'), null);
  else if (timeout !== undefined) poolTimeoutSec = figure(acc, 'poolTimeoutSec', timeout.k === 'num' ? { k: 'unknown', why: 'timeout= must be a ClientTimeout' } : timeout, 'unknown');
  return { pool: { maxConnections, maxKeepalive: null, keepaliveSec, protocol: 'h1', poolTimeoutSec, perHost }, owner };
}

/** undici Agent / Pool / Client options: `connections` per origin (no cap when absent), keep-alive in ms. */
export function undiciPool(acc: Acc, site: ObjectSite): AuditPool {
  const kind = site.ctor.split('.').pop();
  const opts = kind === 'Agent' ? site.pos[0] : site.pos[1];
  const d = defaultsOf('undici');
  if (opts !== undefined && opts.k !== 'dict' && opts.k !== 'none') return allUnknown(acc, 'the options object is not written in this file');
  const kw = opts?.k === 'dict' ? opts.kw : new Map<string, Value>();
  if (kw.has('...')) acc.unknown.push('options: spread from an object the audit does not read');
  const maxConnections = kind === 'Client' ? 1 : figure(acc, 'maxConnections', kw.get('connections'), null);
  const keepaliveSec = figure(acc, 'keepaliveSec', kw.get('keepAliveTimeout'), d.keepaliveSec, 1 / 1000);
  acc.notes.push({ text: 'undici keeps an idle socket until keepAliveTimeout or the server’s Keep-Alive hint minus 2 s, whichever is shorter', source: AUDIT_FACTS.undiciHint });
  const allowH2 = kw.get('allowH2');
  let protocol: AuditPool['protocol'] = 'h2';
  if (allowH2?.k === 'bool') protocol = allowH2.v ? 'h2' : 'h1';
  else if (allowH2 !== undefined) { protocol = 'unknown'; acc.unknown.push('protocol: allowH2 is decided at run time'); }
  else acc.notes.push({ text: 'undici 8 turns allowH2 on by default (HTTP/2 where the server offers it); undici 7 speaks HTTP/1.1 unless allowH2: true', source: findClient('undici')?.sources.protocol });
  return { maxConnections, maxKeepalive: null, keepaliveSec, protocol, poolTimeoutSec: null, perHost: maxConnections };
}
