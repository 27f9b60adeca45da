/**
 * A TCP proxy on loopback that makes a local server look `rttMs` away (netem is not available here):
 * - every chunk is delayed by half the round trip in each direction;
 * - each direction is ONE queue drained in order by one timer: separate timers of different delays
 *   falling due in the same millisecond may fire out of order and would corrupt TLS records;
 * - the first byte of each new connection reaches the server one extra round trip later, which is
 *   what TCP's handshake costs on a real network (SYN, SYN-ACK; the client's first data then takes
 *   half a round trip), so TLS pays its own round trips on top.
 * It records when each connection was accepted and the local port of its upstream socket, which is
 * the remote port the server sees: that ties the server's view of a request to the proxy's.
 *
 * With `idle` it is also a middlebox on the path (issue #17) that sits at the client's end of the
 * simulated wire, as a NAT does: a byte from the client passes it when the proxy receives it, a byte
 * from the server when the proxy forwards it to the client. When no byte has passed in either
 * direction for `idleSec`, the hop closes the flow:
 * - 'fin': FIN to the client at once and to the server half a round trip later; a byte the client
 *   sends after that is answered with an RST (the hop's end is closed);
 * - 'rst': RST to the client at once and to the server half a round trip later;
 * - 'silent': forgets the flow: every later byte, FIN or RST in either direction vanishes, and the
 *   sockets stay open until proxy.close() (nobody is told, as at a home NAT);
 * - 'silent-rst': as 'silent', but the client's next byte (or FIN) is answered with an RST, as an AWS
 *   NAT gateway does; the server is never told.
 * TCP keep-alive probes are answered by the kernel on loopback and never reach a userspace proxy;
 * `probeSec` models a client that sends them: the hop counts a probe every `probeSec` of silence.
 */
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface ProxiedConnection {
  id: number;
  /** Wall-clock ms (performance.timeOrigin + now) when the client connected. */
  acceptedAt: number;
  /** Local port of the proxy's socket to the server (the server sees it as remotePort). */
  upstreamPort: number;
  /**
   * Client-to-server chunks: when the client wrote each (wall-clock ms) and when the proxy passed it
   * on. Lets a reader tell when a request left the client without the proxy's own timer lateness.
   */
  sent: { receivedAt: number; forwardedAt: number }[];
  /** With `idle` only: wall-clock ms when the path's idle limit closed (or forgot) the flow. */
  pathClosedAt?: number;
  /** With `idle` only: how the path closed the flow (set with pathClosedAt). */
  pathMode?: IdleMode;
  /** With `idle` only: bytes the path dropped after closing the flow, per direction (chunks queued for the client when it closed included). */
  dropped?: { toServer: number; toClient: number };
  /** With `idle` only: chunks the client sent after the path had closed the flow (wall-clock ms, size), whatever the mode then did. */
  lateWrites?: { at: number; bytes: number }[];
  /** With `idle` only: wall-clock ms when the path reset the client's socket ('rst', a late write under 'fin', or 'silent-rst'). */
  clientResetAt?: number;
  /** With `idle` only: wall-clock ms when the client's socket ended or closed (its FIN, reset or destroy), as the proxy saw it. */
  clientClosedAt?: number;
}

export type IdleMode = 'fin' | 'rst' | 'silent' | 'silent-rst';

export interface PathIdle {
  /** Seconds without a byte in either direction after which the hop closes the flow (fractional: calibration scales time down). */
  idleSec: number;
  onIdle: IdleMode;
  /** Seconds between TCP keep-alive probes of a client that sends them (they count as traffic); absent = none. */
  probeSec?: number;
}

export interface LatencyProxy {
  port: number;
  connections: ProxiedConnection[];
  /** Connection by the remote port the server saw. */
  byUpstreamPort(port: number): ProxiedConnection | undefined;
  close(): Promise<void>;
}

export const wallMs = (): number => performance.timeOrigin + performance.now();

/** A queued RST: the pipe resets its socket when it falls due, in order with the chunks before it. */
const RESET = 'reset' as const;

/** Chunks of one direction, delivered in order at their due times. */
class DelayedPipe {
  private queue: { due: number; chunk: Buffer | null | typeof RESET; receivedAt: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastDue = 0;

  constructor(
    private readonly to: Socket,
    private readonly onForward?: (receivedAt: number) => void,
  ) {}

  /** Queues a chunk (null = end of stream, RESET = reset the socket) due no earlier than `due` and never before the previous one. */
  push(chunk: Buffer | null | typeof RESET, due: number): void {
    const at = Math.max(due, this.lastDue);
    this.lastDue = at;
    this.queue.push({ due: at, chunk, receivedAt: wallMs() });
    if (!this.timer) this.schedule();
  }

  private schedule(): void {
    const head = this.queue[0];
    if (!head) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, head.due - performance.now()));
  }

  private flush(): void {
    this.timer = null;
    const now = performance.now();
    while (this.queue.length > 0 && this.queue[0]!.due <= now + 0.5) {
      const { chunk, receivedAt } = this.queue.shift()!;
      if (this.to.destroyed) {
        this.queue = [];
        return;
      }
      if (chunk === null) this.to.end();
      else if (chunk === RESET) {
        this.to.resetAndDestroy();
        this.queue = [];
        return;
      } else {
        this.to.write(chunk);
        this.onForward?.(receivedAt);
      }
    }
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue = [];
  }

  /** Stops and returns how many bytes were queued and are now lost. */
  drop(): number {
    let bytes = 0;
    for (const { chunk } of this.queue) if (Buffer.isBuffer(chunk)) bytes += chunk.length;
    this.stop();
    return bytes;
  }
}

/**
 * One flow's idle timer at the hop: ONE timer per connection, re-armed for the time the limit would
 * fall due and re-checked when it fires (bytes only move `last`), so there is no timer per chunk and
 * the close happens in the same event-loop order as the pipes' deliveries.
 */
class IdleHop {
  closed = false;
  mode: IdleMode;
  onClose: (mode: IdleMode) => void = () => {};
  private last: number;
  private timer: NodeJS.Timeout | null = null;
  private readonly limitMs: number;
  private readonly probeMs: number;

  constructor(
    idle: PathIdle,
    start: number,
    private readonly record: ProxiedConnection,
  ) {
    this.mode = idle.onIdle;
    this.limitMs = idle.idleSec * 1000;
    this.probeMs = idle.probeSec !== undefined && idle.probeSec > 0 ? idle.probeSec * 1000 : Infinity;
    this.last = start;
    record.dropped = { toServer: 0, toClient: 0 };
    record.lateWrites = [];
    this.arm();
  }

  touch(): void {
    this.last = performance.now();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The last time the hop saw traffic, a keep-alive probe sent after `probeMs` of silence included. */
  private lastSeen(now: number): number {
    if (this.probeMs === Infinity) return this.last;
    return this.last + Math.floor((now - this.last) / this.probeMs) * this.probeMs;
  }

  private arm(): void {
    const due = this.lastSeen(performance.now()) + this.limitMs;
    this.timer = setTimeout(() => this.check(), Math.max(0, due - performance.now()));
    this.timer.unref();
  }

  private check(): void {
    this.timer = null;
    if (this.closed) return;
    const now = performance.now();
    if (now - this.lastSeen(now) < this.limitMs - 0.5) {
      this.arm();
      return;
    }
    this.closed = true;
    this.record.pathClosedAt = wallMs();
    this.record.pathMode = this.mode;
    this.onClose(this.mode);
  }
}

export async function startLatencyProxy(options: { targetPort: number; rttMs: number; targetHost?: string; idle?: PathIdle }): Promise<LatencyProxy> {
  const half = options.rttMs / 2;
  const connections: ProxiedConnection[] = [];
  const byPort = new Map<number, ProxiedConnection>();
  const sockets = new Set<Socket>();
  let nextId = 1;
  const idle = options.idle;
  if (idle && !(idle.idleSec > 0)) throw new Error(`idle.idleSec must be a positive number of seconds, got ${idle.idleSec}`);
  const server: Server = createServer({ noDelay: true, allowHalfOpen: true }, (client) => {
    const acceptedAt = performance.now();
    const upstream = connect({ port: options.targetPort, host: options.targetHost ?? '127.0.0.1', noDelay: true, allowHalfOpen: true });
    sockets.add(client);
    sockets.add(upstream);
    const record: ProxiedConnection = { id: nextId++, acceptedAt: performance.timeOrigin + acceptedAt, upstreamPort: 0, sent: [] };
    connections.push(record);
    upstream.once('connect', () => {
      record.upstreamPort = upstream.localPort ?? 0;
      byPort.set(record.upstreamPort, record);
    });
    const toServer = new DelayedPipe(upstream, (receivedAt) => record.sent.push({ receivedAt, forwardedAt: wallMs() }));
    // The hop: the last time a byte passed it (either direction, or a modelled keep-alive probe).
    const hop = idle ? new IdleHop(idle, acceptedAt, record) : null;
    const toClient = new DelayedPipe(client, hop ? () => hop.touch() : undefined);
    // The handshake round trip: nothing reaches the server before accept + 1 RTT + ½ RTT.
    const firstByteAt = acceptedAt + options.rttMs + half;
    if (!hop) {
      client.on('data', (chunk: Buffer) => toServer.push(chunk, Math.max(performance.now() + half, firstByteAt)));
      client.on('end', () => toServer.push(null, performance.now() + half));
      upstream.on('data', (chunk: Buffer) => toClient.push(chunk, performance.now() + half));
      upstream.on('end', () => toClient.push(null, performance.now() + half));
    } else {
      const resetClient = () => {
        if (client.destroyed) return;
        record.clientResetAt ??= wallMs();
        client.resetAndDestroy();
      };
      hop.onClose = (mode) => {
        // Bytes from the server not yet past the hop are lost with the flow.
        record.dropped!.toClient += toClient.drop();
        if (mode === 'fin') {
          client.end();
          toServer.push(null, performance.now() + half);
        } else if (mode === 'rst') {
          resetClient();
          toServer.push(RESET, performance.now() + half);
        }
      };
      client.on('data', (chunk: Buffer) => {
        if (!hop.closed) {
          hop.touch();
          toServer.push(chunk, Math.max(performance.now() + half, firstByteAt));
          return;
        }
        record.lateWrites!.push({ at: wallMs(), bytes: chunk.length });
        record.dropped!.toServer += chunk.length;
        // A closed end ('fin', 'rst') and an AWS NAT ('silent-rst') answer the client's packet with an RST.
        if (hop.mode !== 'silent') resetClient();
      });
      client.on('end', () => {
        record.clientClosedAt ??= wallMs();
        if (!hop.closed) {
          hop.touch();
          toServer.push(null, performance.now() + half);
        } else if (hop.mode === 'silent-rst') resetClient();
      });
      upstream.on('data', (chunk: Buffer) => {
        if (hop.closed) record.dropped!.toClient += chunk.length;
        else toClient.push(chunk, performance.now() + half);
      });
      upstream.on('end', () => {
        if (!hop.closed) toClient.push(null, performance.now() + half);
      });
      client.on('close', () => {
        record.clientClosedAt ??= wallMs();
        hop.stop();
      });
    }
    const teardown = () => {
      toServer.stop();
      toClient.stop();
      hop?.stop();
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    // Once the hop has closed the flow, it alone speaks for each side: neither hears of the other's
    // close or error (a silent hop tells nobody; a closed end resets late bytes itself), so each
    // socket stays until it closes itself or proxy.close().
    const onError = (own: Socket) => () => (hop?.closed ? own.destroy() : teardown());
    const onClose = () => {
      if (!hop?.closed) setTimeout(teardown, options.rttMs + 50).unref();
    };
    if (!hop) {
      client.on('error', teardown);
      upstream.on('error', teardown);
      client.on('close', () => setTimeout(teardown, options.rttMs + 50).unref());
      upstream.on('close', () => setTimeout(teardown, options.rttMs + 50).unref());
    } else {
      client.on('error', onError(client));
      upstream.on('error', onError(upstream));
      client.on('close', onClose);
      upstream.on('close', onClose);
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    connections,
    byUpstreamPort: (p) => byPort.get(p),
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
