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
}

export interface LatencyProxy {
  port: number;
  connections: ProxiedConnection[];
  /** Connection by the remote port the server saw. */
  byUpstreamPort(port: number): ProxiedConnection | undefined;
  close(): Promise<void>;
}

export const wallMs = (): number => performance.timeOrigin + performance.now();

/** Chunks of one direction, delivered in order at their due times. */
class DelayedPipe {
  private queue: { due: number; chunk: Buffer | null; receivedAt: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastDue = 0;

  constructor(
    private readonly to: Socket,
    private readonly onForward?: (receivedAt: number) => void,
  ) {}

  /** Queues a chunk (null = end of stream) due no earlier than `due` and never before the previous one. */
  push(chunk: Buffer | null, due: number): void {
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
      else {
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
}

export async function startLatencyProxy(options: { targetPort: number; rttMs: number; targetHost?: string }): Promise<LatencyProxy> {
  const half = options.rttMs / 2;
  const connections: ProxiedConnection[] = [];
  const byPort = new Map<number, ProxiedConnection>();
  const sockets = new Set<Socket>();
  let nextId = 1;
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
    const toClient = new DelayedPipe(client);
    // The handshake round trip: nothing reaches the server before accept + 1 RTT + ½ RTT.
    const firstByteAt = acceptedAt + options.rttMs + half;
    client.on('data', (chunk: Buffer) => toServer.push(chunk, Math.max(performance.now() + half, firstByteAt)));
    client.on('end', () => toServer.push(null, performance.now() + half));
    upstream.on('data', (chunk: Buffer) => toClient.push(chunk, performance.now() + half));
    upstream.on('end', () => toClient.push(null, performance.now() + half));
    const teardown = () => {
      toServer.stop();
      toClient.stop();
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', teardown);
    upstream.on('error', teardown);
    client.on('close', () => setTimeout(teardown, options.rttMs + 50).unref());
    upstream.on('close', () => setTimeout(teardown, options.rttMs + 50).unref());
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
