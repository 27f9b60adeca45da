/**
 * Pool mechanics every client shares, whatever its rules: opening a connection (set-up cost through
 * the one DNS cache), closing one, attaching a request to a connection, the FIFO wait line with its
 * pool timeout, and the multi-tenant global cap (a pool per tenant capped at perTenantMaxConnections,
 * all under the pool's maxConnections; a tenant blocked only by the global cap takes over another
 * tenant's idle connection, or the next connection another tenant frees). The decisions that differ
 * by library — which connection, keep or close, when idle ones expire — are the PoolPolicy's.
 */
import type { Scenario } from '../scenario/schema.ts';
import { tenantCaps } from '../scenario/tenants.ts';
import { IntDeque } from './deque.ts';
import { FAIL, FINISH, TIMEOUT, CONNECTED, tag } from './events.ts';
import type { EventHeap } from './heap.ts';
import { Histogram } from './histogram.ts';
import type { DnsCache } from './network.ts';
import type { PoolPolicy } from './policy.ts';
import { CLOSE_EVICTED, CLOSE_EXPIRED, CLOSE_NO_KEEPALIVE, CLOSE_PATH, CLOSE_SURPLUS } from './closeReasons.ts';
import { BROKEN_ERROR, BROKEN_HANG, BROKEN_NONE, type PathModel } from './path.ts';
import type { Recorder } from './recorder.ts';
import { Connections, R_FAILING, R_HUNG, R_MEASURED, R_QUEUED, R_TIMED_OUT, Requests, noPathCounts, type Group, type PoolState } from './store.ts';
import type { WorkBound } from './workBound.ts';
import { serverIdleSec } from '../path/path.ts';

export class PoolCore {
  readonly req = new Requests();
  readonly conn = new Connections();
  readonly groups: Group[] = [];
  readonly pools: PoolState[];
  policy!: PoolPolicy;
  /** Connections carrying at least one request, over all pools. */
  busy = 0;
  queued = 0;
  totalIdle = 0;
  /** The server closes connections idle this long (undefined: never first). */
  readonly serverIdleSec: number | undefined;
  /** Whether connections use TLS (ALPN can then offer HTTP/2). */
  readonly tls: boolean;
  constructor(
    s: Scenario,
    private readonly heap: EventHeap,
    private readonly rec: Recorder,
    private readonly dns: DnsCache,
    private readonly work: WorkBound,
    private readonly path: PathModel,
  ) {
    this.serverIdleSec = serverIdleSec(s);
    this.tls = s.network.tls !== 'none';
    this.pools = [s.pool, ...s.pools].map((p, index) => {
      const pool: PoolState = {
        index,
        settings: p,
        cap: p.maxConnections,
        open: 0,
        streams: p.protocol === 'h2' ? p.streamsPerConnection : 1,
        expireSec: p.keepaliveSec,
        serverExpires: false,
        pathExpires: false,
        groups: [],
        blocked: new IntDeque(),
        busy: 0,
        queued: 0,
        wait: new Histogram(),
        latency: new Histogram(),
        requests: 0,
        waited: 0,
        reused: 0,
        newConnections: 0,
        peakActive: 0,
        peakQueued: 0,
        timeouts: 0,
        path: noPathCounts(),
      };
      const tenant = tenantCaps(p);
      for (let t = 0; t < p.tenants; t++) {
        const group: Group = {
          id: this.groups.length,
          pool,
          cap: tenant.maxConnections,
          maxIdle: Math.min(tenant.maxKeepalive, tenant.maxConnections),
          open: 0,
          peakOpen: 0,
          idle: new IntDeque(),
          queue: new IntDeque(),
          partial: new IntDeque(),
          blockedListed: false,
        };
        this.groups.push(group);
        pool.groups.push(group);
      }
      return pool;
    });
  }

  /**
   * Called once the policy exists: it decides each pool's expiry and streams per connection. A hop
   * that closes idle connections with FIN/RST sooner ends them first: every client drops a connection
   * once the close reaches it.
   */
  usePolicy(policy: PoolPolicy): void {
    this.policy = policy;
    for (const pool of this.pools) {
      const { expireSec, serverExpires } = policy.expiry(pool);
      const noticed = this.path.noticeAgeSec(pool.index);
      pool.pathExpires = noticed < expireSec;
      pool.expireSec = pool.pathExpires ? noticed : expireSec;
      pool.serverExpires = serverExpires && !pool.pathExpires;
      pool.streams = policy.streamsPerConnection(pool);
    }
  }

  /** Opens a connection for g now (the caller checked the caps). */
  open(g: Group, t: number, isMeasured: boolean): number {
    const conn = this.conn;
    const c = conn.alloc();
    const setup = this.dns.setup(t);
    conn.group[c] = g.id;
    conn.streams[c] = 0;
    conn.partial[c] = 0;
    conn.idleSince[c] = -1;
    conn.setupEnd[c] = t + setup;
    g.open++;
    g.pool.open++;
    this.rec.noteOpen(t, g);
    if (isMeasured) this.rec.opened(g.pool, setup);
    return c;
  }

  /** Closes connection c of g (already out of every list) and counts why. */
  close(c: number, g: Group, reason: number): void {
    this.work.step();
    g.open--;
    g.pool.open--;
    this.conn.seq[c] = -1; // marks it dead for anyone still holding its id (undici's slots)
    this.conn.release(c);
    this.rec.closed(reason, g.pool.serverExpires, g.pool.pathExpires);
  }

  /** Asks for the CONNECTED event of c (policies that hold requests until the set-up ends). */
  notifyConnected(c: number): void {
    this.heap.push(this.conn.setupEnd[c]!, tag(c, CONNECTED), this.conn.seq[c]!);
  }

  /**
   * Opens a connection for g if its own cap and the global cap allow, evicting another tenant's
   * idle connection (the one idle longest) if only the global cap is in the way. −1 if neither.
   */
  tryOpen(g: Group, t: number, isMeasured: boolean): number {
    if (g.open >= g.cap) return -1;
    const pool = g.pool;
    if (pool.open >= pool.cap && pool.groups.length > 1) {
      for (const other of pool.groups) this.policy.expire(other, t);
      if (pool.open >= pool.cap) {
        const idleSince = this.conn.idleSince;
        let victimGroup: Group | null = null;
        for (const other of pool.groups) {
          if (other !== g && other.idle.size > 0 && (!victimGroup || idleSince[other.idle.front()]! < idleSince[victimGroup.idle.front()]!)) {
            victimGroup = other;
          }
        }
        if (victimGroup) this.close(this.takeOldestIdle(victimGroup), victimGroup, CLOSE_EVICTED);
      }
    }
    if (pool.open >= pool.cap) return -1;
    return this.open(g, t, isMeasured);
  }

  /** Request r starts on connection c at t (the response starts once c's set-up is done). */
  attach(r: number, c: number, t: number): void {
    this.work.step();
    const req = this.req;
    const conn = this.conn;
    const group = this.groups[req.group[r]!]!;
    const pool = group.pool;
    const streams = conn.streams;
    if (streams[c] === 0) {
      this.busy++;
      pool.busy++;
      this.rec.noteBusy(t, this.busy, pool);
    }
    streams[c]!++;
    if (pool.streams > 1 && streams[c]! < pool.streams) this.addPartial(group, c);
    req.conn[r] = c;
    req.sent[r] = t;
    const setupEnd = conn.setupEnd[c]!;
    const start = setupEnd > t ? setupEnd : t;
    const finish = start + req.duration[r]!;
    const idleSince = conn.idleSince[c]!;
    const measured = (req.state[r]! & R_MEASURED) !== 0;
    if (idleSince >= 0) {
      conn.idleSince[c] = -1;
      if (measured) this.rec.idleReused(t - idleSince);
    }
    if (this.path.active && this.failsOnPath(r, c, t, start, idleSince >= 0 ? t - idleSince : -1, measured)) return;
    this.heap.push(finish, tag(r, FINISH), 0);
    if (measured) this.rec.served(req.klass[r]!, pool, req.arrive[r]!, req.ask[r]!, t, finish, setupEnd <= t);
  }

  /**
   * Whether request r's attempt on c fails on the path (sim/path.ts): sent on a connection a hop has
   * closed or forgotten (idle `ageSec`, −1 if c was busy or new), or silent longer than a hop allows.
   * A failing attempt gets a FAIL event instead of its FINISH, and c is marked broken.
   */
  private failsOnPath(r: number, c: number, t: number, start: number, ageSec: number, measured: boolean): boolean {
    const req = this.req;
    const conn = this.conn;
    const p = this.groups[req.group[r]!]!.pool.index;
    let failAt = -1;
    let hung = false;
    const broken = conn.broken[c]!;
    const stale = broken !== BROKEN_NONE ? null : ageSec >= 0 ? this.path.staleAttempt(p, ageSec) : null;
    if (broken !== BROKEN_NONE) {
      hung = broken === BROKEN_HANG;
      failAt = t + (hung ? this.path.readTimeoutSecOf(p) : this.path.roundTripSec);
    } else if (stale) {
      hung = stale.hung;
      failAt = t + stale.afterSec;
    } else {
      const cut = this.path.silentRead(p, req.klass[r]!, req.duration[r]!);
      if (!cut) return false;
      hung = cut.hung;
      failAt = start + cut.afterSec;
    }
    const pool = this.groups[req.group[r]!]!.pool;
    if (measured && (broken !== BROKEN_NONE || stale)) this.rec.pathCount(req.klass[r]!, pool, 'staleReuse');
    if (measured && hung && (req.state[r]! & R_HUNG) === 0) this.rec.pathCount(req.klass[r]!, pool, 'hungRequests');
    conn.broken[c] = hung ? BROKEN_HANG : BROKEN_ERROR;
    req.state[r] = req.state[r]! | R_FAILING | (hung ? R_HUNG : 0);
    this.heap.push(failAt, tag(r, FAIL), req.gen[r]!);
    return true;
  }

  addPartial(g: Group, c: number): void {
    if (this.conn.partial[c] === 0 && this.conn.broken[c] === BROKEN_NONE) {
      this.conn.partial[c] = 1;
      g.partial.pushBack(c);
    }
  }

  /** Request r waits in g's line; `poolTimeout` false for waits the library does not time (httpcore's HTTP/2 streams). */
  enqueue(r: number, g: Group, t: number, poolTimeout: boolean): void {
    this.work.step();
    const req = this.req;
    const pool = g.pool;
    req.state[r] = req.state[r]! | R_QUEUED;
    g.queue.pushBack(r);
    this.queued++;
    pool.queued++;
    this.rec.noteQueued(t, this.queued, pool);
    if (g.open < g.cap && pool.open >= pool.cap && !g.blockedListed) {
      g.blockedListed = true;
      pool.blocked.pushBack(g.id);
    }
    const timeout = pool.settings.poolTimeoutSec;
    if (poolTimeout && timeout !== undefined) this.heap.push(t + timeout, tag(r, TIMEOUT), req.gen[r]!);
  }

  /** Next live request in g's line, skipping entries whose request timed out; −1 if none. */
  dequeue(g: Group): number {
    const req = this.req;
    while (g.queue.size > 0) {
      this.work.step();
      const r = g.queue.popFront();
      if (req.state[r]! & R_TIMED_OUT) {
        req.release(r);
        continue;
      }
      req.state[r] = req.state[r]! & ~R_QUEUED;
      this.queued--;
      g.pool.queued--;
      return r;
    }
    return -1;
  }

  /** Rare path (multi-tenant only): put r back at the front of g's line. */
  requeueFront(g: Group, r: number): void {
    this.work.step();
    const rest: number[] = [];
    while (g.queue.size > 0) rest.push(g.queue.popFront());
    g.queue.pushBack(r);
    for (const x of rest) g.queue.pushBack(x);
    this.req.state[r] = this.req.state[r]! | R_QUEUED;
    this.queued++;
    g.pool.queued++;
  }

  /** The stream freed on c goes straight to request `next` in line; attach() counts c busy again. */
  handOver(c: number, g: Group, next: number, t: number): void {
    if (this.conn.streams[c] === 0) {
      this.busy--;
      g.pool.busy--;
      if (this.conn.broken[c] !== BROKEN_NONE) this.replaceBroken(c, g, t, (this.req.state[next]! & R_MEASURED) !== 0);
    }
    this.attach(next, c, t);
  }

  /**
   * A broken connection's last request ended and the pool hands its place to a waiting request: the
   * client closed the broken one and opens a fresh one for it. The slot id stays, so the policy's own
   * lists still hold it; the close and the new connection are counted as such.
   */
  private replaceBroken(c: number, g: Group, t: number, isMeasured: boolean): void {
    const conn = this.conn;
    this.work.step();
    this.rec.closed(CLOSE_PATH, false, false);
    const setup = this.dns.setup(t);
    conn.broken[c] = BROKEN_NONE;
    conn.idleSince[c] = -1;
    conn.setupEnd[c] = t + setup;
    if (isMeasured) this.rec.opened(g.pool, setup);
  }

  /** Idle connection c of g leaves the idle list: the policy is about to use or close it. */
  takeIdle(g: Group, c: number): void {
    g.idle.remove(c);
    this.totalIdle--;
  }

  /** The connection of g idle the shortest time, out of the idle list. */
  takeNewestIdle(g: Group): number {
    const c = g.idle.popBack();
    this.totalIdle--;
    return c;
  }

  /** The connection of g idle the longest, out of the idle list. */
  takeOldestIdle(g: Group): number {
    const c = g.idle.popFront();
    this.totalIdle--;
    return c;
  }

  /**
   * The idle connection of g created first, left on the idle list; −1 if none. httpcore and OkHttp
   * scan their connections in creation order, whatever order they went idle in.
   */
  firstCreatedIdle(g: Group): number {
    const seq = this.conn.seq;
    let best = -1;
    for (let i = 0; i < g.idle.size; i++) {
      const c = g.idle.get(i);
      if (best < 0 || seq[c]! < seq[best]!) best = c;
    }
    return best;
  }

  /** The connection of g with a free stream added last, off the list of such connections. */
  takePartial(g: Group): number {
    const c = g.partial.popBack();
    this.conn.partial[c] = 0;
    return c;
  }

  /** c joins g's idle list, newest last (the order expireIdleInOrder relies on). */
  keepIdle(c: number, g: Group, t: number): void {
    if (this.conn.broken[c] !== BROKEN_NONE) {
      this.close(c, g, CLOSE_PATH);
      return;
    }
    this.conn.idleSince[c] = t;
    g.idle.pushBack(c);
    this.totalIdle++;
  }

  /**
   * Keep-alive for a client that reads no server hint: its own expiry, cut short by a server that
   * closes idle connections sooner (the generic rules and httpcore both behave so).
   */
  expiryCappedByServer(pool: PoolState): { expireSec: number; serverExpires: boolean } {
    const serverIdle = this.serverIdleSec;
    const keepalive = pool.settings.keepaliveSec;
    return serverIdle !== undefined
      ? { expireSec: Math.min(keepalive, serverIdle), serverExpires: serverIdle <= keepalive }
      : { expireSec: keepalive, serverExpires: false };
  }

  /**
   * c's last stream ended and no request of g is waiting: it goes to a tenant blocked by the
   * global cap, or closes (no keep-alive, or `idleCap` idle already), or waits idle.
   */
  settleFreed(c: number, g: Group, t: number, idleCap: number): void {
    this.unbusy(c, g);
    if (this.conn.broken[c] !== BROKEN_NONE) {
      this.close(c, g, CLOSE_PATH);
      return;
    }
    if (g.pool.blocked.size > 0 && this.handToBlockedTenant(c, g, t, CLOSE_EVICTED)) return;
    if (g.pool.expireSec <= 0) {
      this.close(c, g, CLOSE_NO_KEEPALIVE);
      return;
    }
    if (g.idle.size >= idleCap) {
      this.close(c, g, CLOSE_SURPLUS);
      return;
    }
    this.keepIdle(c, g, t);
  }

  /** Connection c of g stops being busy (its last stream ended and nobody takes it over). */
  unbusy(c: number, g: Group): void {
    this.busy--;
    g.pool.busy--;
    if (this.conn.partial[c] === 1) {
      g.partial.remove(c);
      this.conn.partial[c] = 0;
    }
  }

  /**
   * Multi-tenant: a tenant waiting only for the global cap gets the slot of c, which g no longer
   * needs (c closes, the tenant opens its own). True if c was given away.
   */
  handToBlockedTenant(c: number, g: Group, t: number, closeReason: number): boolean {
    const pool = g.pool;
    while (pool.blocked.size > 0) {
      const blockedGroup = this.groups[pool.blocked.front()]!;
      const head = blockedGroup.queue.size > 0 ? this.dequeue(blockedGroup) : -1;
      if (head < 0 || blockedGroup.open >= blockedGroup.cap) {
        pool.blocked.popFront();
        blockedGroup.blockedListed = false;
        // Its own cap binds now; put the request back at the front of its line.
        if (head >= 0) this.requeueFront(blockedGroup, head);
        continue;
      }
      if (blockedGroup.queue.size === 0) {
        pool.blocked.popFront();
        blockedGroup.blockedListed = false;
      }
      this.close(c, g, closeReason);
      this.attach(head, this.open(blockedGroup, t, (this.req.state[head]! & R_MEASURED) !== 0), t);
      return true;
    }
    return false;
  }

  /** A queued request reached the pool timeout; true if it was still waiting (it fails now). */
  timeout(r: number, gen: number): boolean {
    const req = this.req;
    if (req.gen[r] !== gen || (req.state[r]! & R_QUEUED) === 0) return false;
    const group = this.groups[req.group[r]!]!;
    req.state[r] = (req.state[r]! & ~R_QUEUED) | R_TIMED_OUT;
    this.queued--;
    group.pool.queued--;
    if (req.state[r]! & R_MEASURED) this.rec.timedOut(group.pool);
    // The slot is freed when its stale queue entry is skipped (dequeue), never reused before.
    return true;
  }

  /**
   * Closes a group's idle connections past the keep-alive. The idle list is in the order connections
   * went idle and every one has the same expiry, so the expired ones are at its front.
   */
  expireIdleInOrder(g: Group, t: number): void {
    const expire = g.pool.expireSec;
    const idle = g.idle;
    const idleSince = this.conn.idleSince;
    while (idle.size > 0) {
      const c = idle.front();
      if (idleSince[c]! + expire > t) break;
      this.close(this.takeOldestIdle(g), g, CLOSE_EXPIRED);
    }
  }

  /** Closes every idle connection of every group past its keep-alive (before sampling the series). */
  expireAll(t: number): void {
    for (const g of this.groups) if (g.idle.size > 0) this.policy.expire(g, t);
  }
}
