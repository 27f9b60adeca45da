/** The calibration's latency proxy (tests/tools/latency-proxy.ts) against an echo server on loopback. */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLatencyProxy, wallMs, type LatencyProxy } from '../../tools/latency-proxy.ts';

const RTT = 60;
let echo: Server;
let proxy: LatencyProxy;

beforeAll(async () => {
  echo = createServer((s) => s.pipe(s));
  await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
  proxy = await startLatencyProxy({ targetPort: (echo.address() as AddressInfo).port, rttMs: RTT });
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((done) => echo.close(() => done()));
});

function open(): Promise<Socket> {
  return new Promise((done) => {
    const s = connect({ port: proxy.port, host: '127.0.0.1', noDelay: true }, () => done(s));
  });
}

/** Wall-clock ms (the proxy's clock) when the payload was written and when its echo was back. */
function roundTrip(s: Socket, payload: string): Promise<{ start: number; end: number }> {
  return new Promise((done) => {
    const start = wallMs();
    let got = '';
    const onData = (d: Buffer) => {
      got += d.toString();
      if (got.length >= payload.length) {
        s.off('data', onData);
        done({ start, end: wallMs() });
      }
    };
    s.on('data', onData);
    s.write(payload);
  });
}

describe('latency proxy', () => {
  it('should charge a new connection one extra round trip (TCP handshake) and later exchanges one round trip', async () => {
    const s = await open();
    const first = await roundTrip(s, 'hello');
    const second = await roundTrip(s, 'again');
    s.destroy();
    // Timers fire no earlier than due, so lower bounds are exact; how late they fire depends on the
    // machine's load, so no upper bound is asserted on wall-clock time. The first exchange counts
    // from the proxy's accept: a loaded client may see its connect callback after that.
    const record = proxy.connections.at(-1)!;
    expect(first.end - record.acceptedAt).toBeGreaterThanOrEqual(2 * RTT - 1);
    expect(second.end - second.start).toBeGreaterThanOrEqual(RTT - 1);
    expect(record.upstreamPort).toBeGreaterThan(0);
    // The proxy's own schedule: the first chunk waits for the handshake (1.5 round trips after
    // accept), the second only its half round trip after the client wrote it.
    const [hello, again] = record.sent;
    expect(hello!.forwardedAt - record.acceptedAt).toBeGreaterThanOrEqual(1.5 * RTT - 1);
    expect(again!.forwardedAt - again!.receivedAt).toBeGreaterThanOrEqual(RTT / 2 - 1);
  });

  it('should deliver many small chunks in the order they were written', async () => {
    const s = await open();
    const chunks = Array.from({ length: 300 }, (_, i) => `${i},`);
    const expected = chunks.join('');
    const received = new Promise<string>((done) => {
      let got = '';
      s.on('data', (d: Buffer) => {
        got += d.toString();
        if (got.length >= expected.length) done(got);
      });
    });
    // Written over a few milliseconds so their due times interleave with the timer's firing.
    for (const c of chunks) {
      s.write(c);
      if (Number(c.slice(0, -1)) % 50 === 0) await new Promise((r) => setTimeout(r, 1));
    }
    expect(await received).toBe(expected);
    s.destroy();
  });
});
