/**
 * Go's net/http pools from what the Go reader found: a Transport's fields over its base (a zero
 * Transport literal, or http.DefaultTransport and its clones), with Go 1.19's own rules
 * (transport.go): 0 idle per host means 2, 0 MaxIdleConns and 0 MaxConnsPerHost mean no cap, 0
 * IdleConnTimeout means idle connections never expire, and a custom dialer or TLS config turns
 * HTTP/2 off unless ForceAttemptHTTP2 is set.
 */
import { GO_RULES } from '../clients/goNetHttp/facts.ts';
import { figure, type Acc } from './pools.ts';
import type { AuditPool, Figure, ObjectSite, Value } from './types.ts';

const SECOND_NS = 1e9;
/** http.DefaultTransport's fields (transport.go:43-54); a clone copies them. */
const DEFAULT_FIELDS: ReadonlyMap<string, Value> = new Map<string, Value>([
  ['MaxIdleConns', { k: 'num', v: 100 }],
  ['IdleConnTimeout', { k: 'num', v: 90 * SECOND_NS }],
  ['ForceAttemptHTTP2', { k: 'bool', v: true }],
  ['DialContext', { k: 'unknown', why: 'net.Dialer' }],
]);
const CUSTOM_DIAL = ['DialContext', 'Dial', 'DialTLS', 'DialTLSContext', 'TLSClientConfig'];

export type GoTransport = { kind: 'default'; mods: ObjectSite | null } | { kind: 'site'; site: ObjectSite };

/** The Transport an http.Client uses: its Transport field, or http.DefaultTransport when it has none. */
export function transportOfClient(client: ObjectSite, mods: ObjectSite | null): GoTransport | Value {
  const t = client.kw.get('Transport');
  if (t === undefined || t.k === 'none') return { kind: 'default', mods };
  if (t.k === 'obj' && t.obj.ctor === 'http.DefaultTransport') return { kind: 'default', mods: t.obj };
  if (t.k === 'obj' && /^http\.(Transport|DefaultTransport\.Clone)$/.test(t.obj.ctor)) return { kind: 'site', site: t.obj };
  return t.k === 'unknown' ? t : { k: 'unknown', why: 'Transport is not an *http.Transport built in this file' };
}

/** The pool a Transport builds; `line` is where a finding about http.DefaultTransport is reported. */
export function goTransportPool(acc: Acc, t: GoTransport, line: number): AuditPool {
  const own = t.kind === 'site' ? t.site.kw : (t.mods?.kw ?? new Map<string, Value>());
  const base = t.kind === 'site' && t.site.ctor === 'http.Transport' ? new Map<string, Value>() : new Map(DEFAULT_FIELDS);
  const fields = new Map([...base, ...own]);
  const at = t.kind === 'site' ? t.site.line : line;
  if (fields.has('?')) acc.unknown.push('fields: a Transport literal without field names');

  const disable = fields.get('DisableKeepAlives');
  const off = disable?.k === 'bool' && disable.v;
  if (disable !== undefined && disable.k !== 'bool') acc.unknown.push(`maxKeepalive: DisableKeepAlives ${disable.k === 'unknown' ? disable.why : 'is not a bool'}`);

  const perConn = figure(acc, 'maxConnections', fields.get('MaxConnsPerHost'), null);
  const maxConnections: Figure = typeof perConn === 'number' && perConn <= 0 ? null : perConn;
  // 0 means DefaultMaxIdleConnsPerHost (2); a negative value keeps none (transport.go:900, :913).
  const perHostRaw = figure(acc, 'maxKeepalive', fields.get('MaxIdleConnsPerHost'), 2);
  const perHostIdle: Figure = perHostRaw === 0 ? 2 : typeof perHostRaw === 'number' && perHostRaw < 0 ? 0 : perHostRaw;
  const totalRaw = fields.has('MaxIdleConns') ? figure(acc, 'maxKeepalive', fields.get('MaxIdleConns'), null) : null;
  const totalIdle: Figure = typeof totalRaw === 'number' && totalRaw <= 0 ? null : totalRaw;
  let maxKeepalive: Figure = perHostIdle === 'unknown' || totalIdle === 'unknown' ? 'unknown' : Math.min(perHostIdle ?? Infinity, totalIdle ?? Infinity);
  if (maxKeepalive === Infinity) maxKeepalive = null;
  const timeout = fields.get('IdleConnTimeout');
  const idle = figure(acc, 'keepaliveSec', timeout?.k === 'num' ? { ...timeout, v: Math.round(timeout.v) / SECOND_NS } : timeout, null);
  let keepaliveSec: Figure = typeof idle === 'number' && idle <= 0 ? null : idle;
  if (keepaliveSec === null && !off) acc.notes.push({ text: 'IdleConnTimeout 0: Go never closes an idle connection itself; the server or a middlebox does' });
  if (off) {
    maxKeepalive = 0;
    keepaliveSec = 0;
    acc.notes.push({ text: 'DisableKeepAlives: every request closes its connection, nothing is reused' });
  }

  let protocol: AuditPool['protocol'] = 'h2';
  const force = fields.get('ForceAttemptHTTP2');
  const nextProto = fields.get('TLSNextProto');
  const custom = CUSTOM_DIAL.filter((f) => own.has(f) && own.get(f)!.k !== 'none');
  if (nextProto !== undefined && nextProto.k !== 'none') {
    protocol = 'h1';
    acc.notes.push({ text: 'a non-nil TLSNextProto turns HTTP/2 off: every connection speaks HTTP/1.1', source: GO_RULES.forceH2 });
  } else if (force?.k === 'bool' && force.v) protocol = 'h2';
  else if (force !== undefined && force.k !== 'bool' && force.k !== 'none') {
    protocol = 'unknown';
    acc.unknown.push(`protocol: ForceAttemptHTTP2 ${force.k === 'unknown' ? force.why : 'is not a bool'}`);
  } else if (fields.has('TLSClientConfig') || CUSTOM_DIAL.some((f) => fields.has(f) && fields.get(f)!.k !== 'none')) {
    protocol = 'h1';
    if (custom.length > 0) {
      acc.findings.push({
        line: at,
        kind: 'go-http2-off',
        severity: 'warning',
        message: `a custom ${custom.join(' and ')} without ForceAttemptHTTP2: Go turns HTTP/2 off, so every concurrent request to one API needs its own HTTP/1.1 connection`,
        fix: 'add ForceAttemptHTTP2: true to the Transport',
        source: GO_RULES.forceH2,
      });
    }
  }
  if (protocol === 'h2') acc.notes.push({ text: 'HTTP/2 by ALPN over TLS only: an http:// base URL speaks HTTP/1.1', source: GO_RULES.forceH2 });

  if (!off && typeof perHostIdle === 'number' && perHostIdle <= 2 && (totalIdle === null || (typeof totalIdle === 'number' && totalIdle > perHostIdle))) {
    const set = fields.has('MaxIdleConnsPerHost') && perHostRaw !== 0;
    acc.findings.push({
      line: at,
      kind: 'go-idle-per-host',
      severity: 'warning',
      message: `${set ? `MaxIdleConnsPerHost ${perHostIdle}` : 'MaxIdleConnsPerHost unset (Go keeps 2 idle per host)'} while MaxIdleConns is ${totalIdle === null ? 'unlimited' : totalIdle}: every burst above ${perHostIdle} concurrent requests to one API closes the surplus connections and re-dials`,
      fix: t.kind === 'site' ? 'set MaxIdleConnsPerHost to the connections you need (pool-sizer recommend gives one), e.g. equal to MaxIdleConns' : 'build your own Transport (http.DefaultTransport.(*http.Transport).Clone()) with MaxIdleConnsPerHost set, and send through a Client on it',
      source: GO_RULES.idleCapPerHost,
    });
  }
  return { maxConnections, maxKeepalive, keepaliveSec, protocol, poolTimeoutSec: null, perHost: maxConnections };
}

/** The http.Client an SDK is handed with option.WithHTTPClient, or undefined when it keeps its own. */
export function sdkHttpClient(site: ObjectSite): Value | undefined {
  let found: Value | undefined;
  for (const p of site.pos) {
    if (p.k === 'dict' && p.kw.has('httpClient')) found = p.kw.get('httpClient');
    else if (p.k === 'unknown' && /spread/.test(p.why)) found = p;
  }
  return found;
}
