/**
 * undici's pool rules, 7.x and 8.x (Node's global fetch follows the undici it bundles). Files are in
 * node_modules/undici (7.30.2) and tests/fixtures/undici8/node_modules/undici (8.13.1).
 *
 * - A Pool holds up to `connections` Clients, each owning at most one socket, kept in creation order.
 *   A request goes to the first Client that does not need draining (lib/dispatcher/pool.js:99-115 in
 *   7.30.2, :193-214 in 8.13.1); a new Client is made only when every existing one is busy. A Client
 *   whose idle socket timed out stays in the list and reconnects when picked — so an expired early
 *   slot opens a new connection even while a later one still has a live idle socket. Here each
 *   Client is a "slot"; the free slots sit in a min-heap by creation order.
 * - No idle cap: max_keepalive plays no part. Idle sockets close by timer after keepAliveTimeout —
 *   or, when the server sends `Keep-Alive: timeout=N`, after min(N s − keepAliveTimeoutThreshold
 *   (2 s), keepAliveMaxTimeout), and not at all kept if that is ≤ 0 (lib/dispatcher/client-h1.js:649-667
 *   in 7.30.2, :709-719 in 8.13.1; defaults lib/dispatcher/client.js:253-255 and :311-313). The
 *   simulator takes the scenario's `serverIdleSec` as that hint (Node's http server sends
 *   `Keep-Alive: timeout=<its keepAliveTimeout>`), and the project's snippets set
 *   keepAliveMaxTimeout = keepAliveTimeout = keepaliveSec.
 * - A Client that finishes a request takes the next one queued in the Pool before anything else
 *   (lib/dispatcher/pool-base.js:29-42, kOnDrain), so a freed socket goes to the oldest waiter.
 * - undici has no pool timeout: queued requests wait until served.
 * - HTTP/2, undici 7: a non-idempotent request (every fetch POST) blocks its connection while any
 *   other request runs (lib/dispatcher/client-h2.js:189-197), so one POST per connection at a time.
 * - HTTP/2, undici 8.13: POSTs multiplex up to min(maxConcurrentStreams, server limit) per connection
 *   (client-h2.js:379-410). While a new HTTPS Client handshakes and the protocol might be h2, it is
 *   the Pool's "protocol probe": it takes one request and no other Client is created; later
 *   requests queue until it connects (pool.js:34-53, :207-209; released on connect, :106-139).
 *   Once a connection came back HTTP/1.1 the probe is off for good (pool.js:36). The probe came in
 *   8.11.0; `undici8-noprobe` is 8.5–8.10 (Node 26.10 bundles 8.10.2): POSTs multiplex once a
 *   connection is up, but a Client still connecting counts as busy (kSize ≥ pipelining 1 until the
 *   HTTP/2 context attaches, client.js:85-95 in 8.10.2), so every request of a cold burst makes its
 *   own Client (measured on Node 26.10: 12 concurrent POSTs, 12 HTTP/2 connections; the next burst
 *   shared one).
 */
import type { PoolPolicy } from '../../sim/policy.ts';
import type { PoolCore } from '../../sim/pool.ts';
import { CLOSE_EXPIRED } from '../../sim/closeReasons.ts';
import { R_MEASURED, type Group, type PoolState } from '../../sim/store.ts';

/** undici 7 and 8.11+; `undici8-noprobe` is 8.5–8.10 (Node 26.10's fetch), before the protocol probe. */
export type UndiciRules = 'undici7' | 'undici8' | 'undici8-noprobe';

/** undici's keepAliveTimeoutThreshold default, seconds (client.js:255 in 7.30.2, :313 in 8.13.1). */
const KEEPALIVE_THRESHOLD_SEC = 2;

/** Binary min-heap of small ints with membership flags: the free slots of one group. */
class SlotHeap {
  private items: number[] = [];
  private member: number[] = [];

  get size(): number {
    return this.items.length;
  }

  min(): number {
    return this.items[0]!;
  }

  has(s: number): boolean {
    return this.member[s] === 1;
  }

  push(s: number): void {
    if (this.member[s] === 1) return;
    this.member[s] = 1;
    const a = this.items;
    let i = a.length;
    a.push(s);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]! <= s) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = s;
  }

  popMin(): number {
    const a = this.items;
    const top = a[0]!;
    this.member[top] = 0;
    const last = a.pop()!;
    const n = a.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && a[child + 1]! < a[child]!) child++;
        if (a[child]! >= last) break;
        a[i] = a[child]!;
        i = child;
      }
      a[i] = last;
    }
    return top;
  }
}

interface Slots {
  conn: number[];
  seq: number[];
  free: SlotHeap;
  /** Slot of the Client probing the protocol, or −1. */
  probe: number;
  /** 1 for a slot whose new connection takes no second request until it is up (undici8-noprobe). */
  connecting: number[];
}

export class UndiciPolicy implements PoolPolicy {
  private readonly slots: Slots[] = [];
  /** Slot of each connection id (valid while the connection is open). */
  private connSlot: number[] = [];
  /** Per pool: a connection came back HTTP/1.1, so no more probes (8.x). */
  private readonly knownH1: boolean[] = [];
  private readonly probes: boolean;
  private readonly busyWhileConnecting: boolean;

  constructor(
    private readonly core: PoolCore,
    readonly rules: UndiciRules,
  ) {
    // 8.10.2 (Node 26.10's fetch) has no probe: pool.js:99-118 makes a Client per request while all are busy.
    this.probes = rules === 'undici8' && core.tls;
    this.busyWhileConnecting = rules === 'undici8-noprobe' && core.tls;
  }

  expiry(pool: PoolState) {
    const keepalive = pool.settings.keepaliveSec;
    const hint = this.core.serverIdleSec;
    if (hint === undefined) return { expireSec: keepalive, serverExpires: false };
    // The header carries whole seconds; undici subtracts its threshold and caps by keepAliveMaxTimeout.
    const hinted = Math.min(Math.floor(hint) - KEEPALIVE_THRESHOLD_SEC, keepalive);
    return { expireSec: Math.max(0, hinted), serverExpires: false };
  }

  streamsPerConnection(pool: PoolState): number {
    if (pool.settings.protocol !== 'h2') return 1;
    return this.rules === 'undici7' ? 1 : pool.settings.streamsPerConnection;
  }

  private slotsOf(g: Group): Slots {
    let s = this.slots[g.id];
    if (!s) {
      s = { conn: [], seq: [], free: new SlotHeap(), probe: -1, connecting: [] };
      this.slots[g.id] = s;
    }
    return s;
  }

  private live(sl: Slots, s: number): number {
    const c = sl.conn[s]!;
    return c >= 0 && this.core.conn.seq[c] === sl.seq[s] ? c : -1;
  }

  acquire(r: number, g: Group, t: number): void {
    if (!this.place(r, g, t)) this.core.enqueue(r, g, t, false);
  }

  /** Gives r a Client now if one is free or may be created; false if it must queue. */
  private place(r: number, g: Group, t: number): boolean {
    const core = this.core;
    const conn = core.conn;
    const sl = this.slotsOf(g);
    const measured = (core.req.state[r]! & R_MEASURED) !== 0;
    if (sl.free.size > 0) {
      const s = sl.free.min();
      let c = this.live(sl, s);
      if (c >= 0 && conn.streams[c] === 0) {
        // An idle socket: still alive unless its keep-alive timer has fired.
        core.takeIdle(g, c);
        if (conn.idleSince[c]! + g.pool.expireSec <= t) {
          core.close(c, g, CLOSE_EXPIRED);
          c = -1;
        }
      }
      if (c < 0) {
        c = core.tryOpen(g, t, measured);
        if (c < 0) return false;
        this.bind(sl, s, c);
        if (this.startProbe(sl, s, g, c) || this.holdWhileConnecting(sl, s, g, c)) sl.free.popMin();
      }
      core.attach(r, c, t);
      if (conn.streams[c]! >= g.pool.streams && sl.free.has(s)) sl.free.popMin();
      return true;
    }
    if (sl.probe >= 0 || sl.conn.length >= g.cap) return false;
    const c = core.tryOpen(g, t, measured);
    if (c < 0) return false;
    const s = sl.conn.length;
    sl.conn.push(-1);
    sl.seq.push(-1);
    this.bind(sl, s, c);
    core.attach(r, c, t);
    if (!this.startProbe(sl, s, g, c) && !this.holdWhileConnecting(sl, s, g, c) && conn.streams[c]! < g.pool.streams) sl.free.push(s);
    return true;
  }

  /**
   * The slot holding c. A connection opened for this group by the multi-tenant hand-over (pool.ts)
   * has none yet: it becomes a new Client at the end of the list.
   */
  private slotOf(sl: Slots, c: number): number {
    const s = this.connSlot[c];
    if (s !== undefined && sl.conn[s] === c && sl.seq[s] === this.core.conn.seq[c]) return s;
    const added = sl.conn.length;
    sl.conn.push(-1);
    sl.seq.push(-1);
    this.bind(sl, added, c);
    return added;
  }

  private bind(sl: Slots, s: number, c: number): void {
    sl.conn[s] = c;
    sl.seq[s] = this.core.conn.seq[c]!;
    this.connSlot[c] = s;
  }

  /** undici 8 over HTTPS: a new Client probes the protocol while it connects (busy, no fan-out). */
  private startProbe(sl: Slots, s: number, g: Group, c: number): boolean {
    if (!this.probes || this.knownH1[g.pool.index] || sl.probe >= 0) return false;
    sl.probe = s;
    this.core.notifyConnected(c);
    return true;
  }

  /** undici 8.10 over HTTPS: a new Client takes further requests only once connected (others may open meanwhile). */
  private holdWhileConnecting(sl: Slots, s: number, g: Group, c: number): boolean {
    // Over HTTP/1.1 the one request fills the connection anyway: no event needed.
    if (!this.busyWhileConnecting || g.pool.streams <= 1) return false;
    sl.connecting[s] = 1;
    this.core.notifyConnected(c);
    return true;
  }

  connected(c: number, g: Group, t: number): void {
    const sl = this.slotsOf(g);
    const s = this.slotOf(sl, c);
    if (sl.connecting[s] === 1) {
      sl.connecting[s] = 0;
      if (this.core.conn.streams[c]! < g.pool.streams) sl.free.push(s);
      this.drain(g, t);
      return;
    }
    if (sl.probe !== s) return;
    sl.probe = -1;
    if (g.pool.settings.protocol !== 'h2') this.knownH1[g.pool.index] = true;
    if (this.core.conn.streams[c]! < g.pool.streams) sl.free.push(s);
    this.drain(g, t);
  }

  /** Queued requests go to free or new Clients, oldest first, until none can be placed. */
  private drain(g: Group, t: number): void {
    const core = this.core;
    while (g.queue.size > 0) {
      const sl = this.slotsOf(g);
      if (sl.free.size === 0 && (sl.probe >= 0 || sl.conn.length >= g.cap || g.pool.open >= g.pool.cap)) return;
      const r = core.dequeue(g);
      if (r < 0) return;
      if (!this.place(r, g, t)) {
        core.requeueFront(g, r);
        return;
      }
    }
  }

  release(c: number, g: Group, t: number): void {
    const core = this.core;
    const conn = core.conn;
    const sl = this.slotsOf(g);
    const s = this.slotOf(sl, c);
    conn.streams[c]!--;
    if (g.queue.size > 0 && sl.probe !== s) {
      // kOnDrain: the Client that just finished takes the oldest queued request.
      const next = core.dequeue(g);
      if (next >= 0) {
        core.handOver(c, g, next, t);
        return;
      }
    }
    if (sl.probe !== s) sl.free.push(s);
    if (conn.streams[c]! > 0) return;
    // undici has no idle cap: every idle socket waits for keepAliveTimeout.
    core.settleFreed(c, g, t, Infinity);
  }

  expire(g: Group, t: number): void {
    this.core.expireIdleInOrder(g, t);
  }

  chooseConnection(g: Group, t: number): number {
    this.expire(g, t);
    const sl = this.slotsOf(g);
    if (sl.free.size === 0) return -1;
    const c = this.live(sl, sl.free.min());
    return c >= 0 && this.core.conn.streams[c] === 0 ? c : -1;
  }
}
