/**
 * OkHttp's pools from what the Java reader found: the Dispatcher caps concurrent async calls per
 * host (5 unless setMaxRequestsPerHost) and in all (64), the ConnectionPool keeps idle connections
 * (5 for 5 minutes unless built with others). A client from `other.newBuilder()` shares the other's
 * pool and dispatcher unless it sets its own. The Java SDKs build their own OkHttpClient, 64 per host.
 */
import { JAVA_SDK_WIRING, OKHTTP_RULES } from '../clients/okhttp/facts.ts';
import { defaultsOf, figure, type Acc } from './pools.ts';
import type { AuditPool, Figure, ObjectSite, Value } from './types.ts';

const isObj = (v: Value | undefined, ctor: string): v is { k: 'obj'; obj: ObjectSite } => v?.k === 'obj' && v.obj.ctor === ctor;

interface Parts {
  pool: Value | undefined;
  dispatcher: Value | undefined;
  protocols: Value | undefined;
  /** The object whose pool this is: an explicit ConnectionPool, else the client that made its own. */
  owner: ObjectSite;
}

function partsOf(site: ObjectSite, depth = 0): Parts {
  const own = { pool: site.kw.get('connectionPool'), dispatcher: site.kw.get('dispatcher'), protocols: site.kw.get('protocols') };
  const base = site.kw.get('base');
  if (site.ctor === 'okhttp3.OkHttpClient.newBuilder' && base?.k === 'obj' && depth < 8) {
    const b = partsOf(base.obj, depth + 1);
    const pool = own.pool ?? b.pool;
    return { pool, dispatcher: own.dispatcher ?? b.dispatcher, protocols: own.protocols ?? b.protocols, owner: isObj(pool, 'okhttp3.ConnectionPool') ? pool.obj : own.pool || own.dispatcher ? site : b.owner };
  }
  return { ...own, owner: isObj(own.pool, 'okhttp3.ConnectionPool') ? own.pool.obj : site };
}

const minFigure = (...fs: Figure[]): Figure => {
  if (fs.includes('unknown')) return 'unknown';
  const nums = fs.filter((f): f is number => typeof f === 'number');
  return nums.length ? Math.min(...nums) : null;
};

/** Idle cap and keep-alive of `new ConnectionPool(maxIdle, duration, unit)` (or its defaults). */
function connectionPool(acc: Acc, pool: Value | undefined, d: { maxKeepalive: Figure; keepaliveSec: Figure }): { maxKeepalive: Figure; keepaliveSec: Figure } {
  if (pool === undefined) return d;
  if (!isObj(pool, 'okhttp3.ConnectionPool')) {
    figure(acc, 'maxKeepalive', pool.k === 'unknown' ? pool : { k: 'unknown', why: 'connectionPool is not a ConnectionPool built in this file' }, null);
    return { maxKeepalive: 'unknown', keepaliveSec: 'unknown' };
  }
  const [idle, duration, unit] = pool.obj.pos;
  if (pool.obj.pos.length === 0) return { maxKeepalive: 5, keepaliveSec: 300 };
  const maxKeepalive = figure(acc, 'maxKeepalive', idle, 'unknown');
  const raw = unit?.k === 'num' ? figure(acc, 'keepaliveSec', duration, 'unknown', unit.v) : figure(acc, 'keepaliveSec', unit ?? { k: 'unknown', why: 'no TimeUnit' }, 'unknown');
  // TimeUnit factors below a second are not exact in binary: 1500 × 0.001 is kept as 1.5.
  const keepaliveSec = typeof raw === 'number' ? Math.round(raw * 1e9) / 1e9 : raw;
  return { maxKeepalive, keepaliveSec };
}

/** Raw OkHttp: the Dispatcher's per-host and total caps (and a fixed executor's threads), the ConnectionPool's idle cap. */
export function okhttpPool(acc: Acc, site: ObjectSite): { pool: AuditPool; owner: ObjectSite } {
  const d = defaultsOf('okhttp');
  const parts = partsOf(site);
  let perHost: Figure = d.maxConnections;
  let total: Figure = 64;
  let threads: Figure = null;
  let dispatcherSite: ObjectSite | null = null;
  if (isObj(parts.dispatcher, 'okhttp3.Dispatcher')) {
    dispatcherSite = parts.dispatcher.obj;
    const k = dispatcherSite.kw;
    perHost = figure(acc, 'maxConnections', k.get('setMaxRequestsPerHost'), d.maxConnections);
    total = figure(acc, 'maxConnections', k.get('setMaxRequests'), 64);
    if (dispatcherSite.pos[0] !== undefined) threads = figure(acc, 'maxConnections', dispatcherSite.pos[0], null);
  } else if (parts.dispatcher !== undefined) {
    figure(acc, 'maxConnections', parts.dispatcher.k === 'unknown' ? parts.dispatcher : { k: 'unknown', why: 'dispatcher is not a Dispatcher built in this file' }, null);
    perHost = total = 'unknown';
  }
  const maxConnections = minFigure(perHost, total, threads);
  if (typeof total === 'number' && typeof perHost === 'number' && total < perHost) acc.notes.push({ text: `maxRequests ${total} is below maxRequestsPerHost ${perHost}: the total cap binds`, source: OKHTTP_RULES.maxRequests });
  if (typeof threads === 'number' && typeof perHost === 'number' && threads < perHost) acc.notes.push({ text: `the Dispatcher's executor has ${threads} threads: at most ${threads} async calls run at once` });
  if (parts.dispatcher === undefined || (dispatcherSite !== null && !dispatcherSite.kw.has('setMaxRequestsPerHost') && perHost === 5)) {
    acc.findings.push({
      line: dispatcherSite?.line ?? site.line,
      kind: 'okhttp-per-host-5',
      severity: 'warning',
      message: 'OkHttp’s default Dispatcher runs 5 asynchronous calls per host: the sixth concurrent call to one API waits in its queue, with no time limit (synchronous execute() calls are not capped)',
      fix: 'pass .dispatcher(d) with d.setMaxRequestsPerHost(n) and d.setMaxRequests(≥ n) for the calls you need (pool-sizer recommend gives n)',
      source: OKHTTP_RULES.maxRequestsPerHost,
    });
  }
  const { maxKeepalive, keepaliveSec } = connectionPool(acc, parts.pool, { maxKeepalive: d.maxKeepalive, keepaliveSec: d.keepaliveSec });
  let protocol: AuditPool['protocol'] = 'h2';
  if (parts.protocols?.k === 'str') protocol = /HTTP_2|H2_PRIOR_KNOWLEDGE/.test(parts.protocols.v) ? 'h2' : 'h1';
  else if (parts.protocols !== undefined) {
    protocol = 'unknown';
    acc.unknown.push(`protocol: protocols ${parts.protocols.k === 'unknown' ? parts.protocols.why : 'is not a list of Protocol constants'}`);
  }
  if (protocol === 'h2') acc.notes.push({ text: 'HTTP/2 by ALPN over TLS (Java 9+): an http:// URL speaks HTTP/1.1; the Dispatcher still counts calls, not connections', source: OKHTTP_RULES.http2Streams });
  return { pool: { maxConnections, maxKeepalive, keepaliveSec, protocol, poolTimeoutSec: null, perHost: maxConnections }, owner: parts.owner };
}

/** OpenAIOkHttpClient / AnthropicOkHttpClient builders: 64 per host, idle cap and keep-alive from their builder, a fixed executor's threads. */
export function javaSdkPool(acc: Acc, site: ObjectSite, vendor: 'openai' | 'anthropic'): AuditPool {
  const d = defaultsOf(`${vendor}-java`);
  const threads = site.kw.has('dispatcherExecutorService') ? figure(acc, 'maxConnections', site.kw.get('dispatcherExecutorService'), null) : null;
  const maxConnections = minFigure(d.maxConnections, threads);
  acc.notes.push({ text: `the SDK builds its own OkHttpClient with maxRequestsPerHost lifted to maxRequests, 64`, source: JAVA_SDK_WIRING[vendor].perHost });
  const maxKeepalive = figure(acc, 'maxKeepalive', site.kw.get('maxIdleConnections'), d.maxKeepalive);
  const keepaliveSec = figure(acc, 'keepaliveSec', site.kw.get('keepAliveDuration'), d.keepaliveSec);
  return { maxConnections, maxKeepalive, keepaliveSec, protocol: d.protocol, poolTimeoutSec: null, perHost: maxConnections };
}
