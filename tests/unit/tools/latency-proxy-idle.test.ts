/**
 * The latency proxy's idle middlebox (tests/tools/latency-proxy.ts, `idle`): a raw TCP client through
 * the proxy to an echo server on loopback sees what each mode promises.
 */
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLatencyProxy, wallMs, type IdleMode, type LatencyProxy, type ProxiedConnection } from '../../tools/latency-proxy.ts';

const LIMIT_SEC = 0.25;
const RTT = 10;
let echo: Server;
const proxies: LatencyProxy[] = [];
const clients: Socket[] = [];
const served = new Set<Socket>();

beforeAll(async () => {
  echo = createServer({ allowHalfOpen: false }, (s) => {
    served.add(s);
    s.on('error', () => {});
    s.pipe(s);
  });
  await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

afterAll(async () => {
  // Flows a silent hop forgot stay open at the server: end them here.
  for (const s of served) s.destroy();
  await new Promise<void>((done) => echo.close(() => done()));
});

async function through(onIdle: IdleMode, probeSec?: number): Promise<{ proxy: LatencyProxy; socket: Socket; record: ProxiedConnection }> {
  const proxy = await startLatencyProxy({ targetPort: (echo.address() as AddressInfo).port, rttMs: RTT, idle: { idleSec: LIMIT_SEC, onIdle, ...(probeSec ? { probeSec } : {}) } });
  proxies.push(proxy);
  const socket = await new Promise<Socket>((done) => {
    const s = connect({ port: proxy.port, host: '127.0.0.1', noDelay: true }, () => done(s));
  });
  clients.push(socket);
  // Errors are observed by firstEvent; one outside its window must not fail the run as unhandled.
  socket.on('error', () => {});
  await echoOf(socket, 'hello');
  return { proxy, socket, record: proxy.connections.at(-1)! };
}

function echoOf(s: Socket, payload: string): Promise<void> {
  return new Promise((done) => {
    let got = '';
    const onData = (d: Buffer) => {
      got += d.toString();
      if (got.length >= payload.length) {
        s.off('data', onData);
        done();
      }
    };
    s.on('data', onData);
    s.write(payload);
  });
}

/** What the client socket sees first within `ms`: data, its end (FIN), an error code, or nothing. */
function firstEvent(s: Socket, ms: number): Promise<{ kind: 'data' | 'end' | 'error' | 'nothing'; code?: string; at: number }> {
  return new Promise((done) => {
    const finish = (kind: 'data' | 'end' | 'error' | 'nothing', code?: string) => {
      clearTimeout(timer);
      s.off('data', onData).off('end', onEnd).off('error', onError);
      done({ kind, code, at: wallMs() });
    };
    const onData = () => finish('data');
    const onEnd = () => finish('end');
    const onError = (e: NodeJS.ErrnoException) => finish('error', e.code);
    const timer = setTimeout(() => finish('nothing'), ms);
    s.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** Resolves once the proxy's hop has closed the flow (polls the record every 5 ms, bounded). */
async function pathClosed(record: ProxiedConnection, boundMs = 3000): Promise<number> {
  const until = performance.now() + boundMs;
  while (record.pathClosedAt === undefined) {
    if (performance.now() > until) throw new Error('the path never closed the flow');
    await new Promise((done) => setTimeout(done, 5));
  }
  return record.pathClosedAt;
}

describe('latency proxy idle middlebox', () => {
  it('should end the client with a FIN once the flow is idle for the limit (fin)', async () => {
    const { socket, record } = await through('fin');
    const lastEcho = wallMs();
    const seen = await firstEvent(socket, 3000);
    expect(seen.kind).toBe('end');
    expect(seen.at - lastEcho).toBeGreaterThanOrEqual(LIMIT_SEC * 1000 - 5);
    expect(record.pathMode).toBe('fin');
    expect(record.pathClosedAt).toBeGreaterThan(0);
  });

  it('should reset a client that writes on a flow it closed with a FIN (fin)', async () => {
    const { socket, record } = await through('fin');
    // allowHalfOpen: the client keeps writing after the path's FIN, as a request racing the FIN does.
    socket.allowHalfOpen = true;
    const ended = firstEvent(socket, 3000);
    await pathClosed(record);
    expect((await ended).kind).toBe('end');
    socket.write('late request');
    const until = performance.now() + 1000;
    while (record.clientResetAt === undefined && performance.now() < until) await new Promise((done) => setTimeout(done, 5));
    expect(record.clientResetAt).toBeGreaterThanOrEqual(record.pathClosedAt!);
    expect(record.lateWrites).toHaveLength(1);
    expect(record.dropped!.toServer).toBe('late request'.length);
    // The RST reaches the client's socket: its next write fails.
    const failed = await new Promise<string | undefined>((done) => socket.write('again', (e) => done((e as NodeJS.ErrnoException | null | undefined)?.code)));
    expect(['EPIPE', 'ECONNRESET']).toContain(failed);
  });

  it('should reset the client once the flow is idle for the limit (rst)', async () => {
    const { socket, record } = await through('rst');
    const lastEcho = wallMs();
    const seen = await firstEvent(socket, 3000);
    expect(seen).toMatchObject({ kind: 'error', code: 'ECONNRESET' });
    expect(seen.at - lastEcho).toBeGreaterThanOrEqual(LIMIT_SEC * 1000 - 5);
    expect(record.pathMode).toBe('rst');
    expect(record.clientResetAt).toBeGreaterThan(0);
  });

  it('should swallow a write after the limit with no answer and no close within 3× the limit (silent)', async () => {
    const { socket, record } = await through('silent');
    await pathClosed(record);
    const seen = firstEvent(socket, 3 * LIMIT_SEC * 1000);
    socket.write('into the void');
    expect((await seen).kind).toBe('nothing');
    expect(socket.destroyed).toBe(false);
    expect(record.pathMode).toBe('silent');
    expect(record.dropped).toEqual({ toServer: 'into the void'.length, toClient: 0 });
    expect(record.clientResetAt).toBeUndefined();
  });

  it('should answer the first write after the limit with a reset at once (silent-rst)', async () => {
    const { socket, record } = await through('silent-rst');
    const closedAt = await pathClosed(record);
    // Nothing is told while the client stays quiet.
    expect(socket.destroyed).toBe(false);
    expect(wallMs() - closedAt).toBeLessThan(1000);
    const seen = firstEvent(socket, 3000);
    const wroteAt = wallMs();
    socket.write('next request');
    const first = await seen;
    expect(first).toMatchObject({ kind: 'error', code: 'ECONNRESET' });
    expect(first.at - wroteAt).toBeLessThan(200);
    expect(record.pathMode).toBe('silent-rst');
    expect(record.dropped!.toServer).toBe('next request'.length);
  });

  it('should keep a flow open while bytes pass more often than the limit', async () => {
    const { socket, record } = await through('rst');
    for (let i = 0; i < 4; i++) {
      await new Promise((done) => setTimeout(done, LIMIT_SEC * 500));
      await echoOf(socket, `ping ${i}`);
    }
    // ~2× the limit has passed since the connection opened, and the flow is still open.
    expect(record.pathClosedAt).toBeUndefined();
    expect(socket.destroyed).toBe(false);
  });

  it('should count modelled TCP keep-alive probes below the limit as traffic (probeSec)', async () => {
    const { socket, record } = await through('silent', LIMIT_SEC / 3);
    const seen = await firstEvent(socket, 3 * LIMIT_SEC * 1000);
    expect(seen.kind).toBe('nothing');
    expect(record.pathClosedAt).toBeUndefined();
    await echoOf(socket, 'still here');
  });

  it('should add no idle fields for a caller that passes no idle option', async () => {
    const proxy = await startLatencyProxy({ targetPort: (echo.address() as AddressInfo).port, rttMs: RTT });
    proxies.push(proxy);
    const s = await new Promise<Socket>((done) => {
      const c = connect({ port: proxy.port, host: '127.0.0.1' }, () => done(c));
    });
    clients.push(s);
    await echoOf(s, 'plain');
    expect(Object.keys(proxy.connections[0]!).sort()).toEqual(['acceptedAt', 'id', 'sent', 'upstreamPort']);
  });
});
