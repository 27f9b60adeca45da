/** The calibration's latency proxy (tests/tools/latency-proxy.ts) against an echo server on loopback. */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLatencyProxy, type LatencyProxy } from '../../tools/latency-proxy.ts';

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

function roundTrip(s: Socket, payload: string): Promise<number> {
  return new Promise((done) => {
    const start = performance.now();
    let got = '';
    const onData = (d: Buffer) => {
      got += d.toString();
      if (got.length >= payload.length) {
        s.off('data', onData);
        done(performance.now() - start);
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
    // Timers fire no earlier than due and usually within a few ms; the upper bounds leave room for a loaded machine.
    expect(first).toBeGreaterThanOrEqual(2 * RTT - 1);
    expect(first).toBeLessThan(2 * RTT + 40);
    expect(second).toBeGreaterThanOrEqual(RTT - 1);
    expect(second).toBeLessThan(RTT + 40);
    expect(proxy.connections.at(-1)!.upstreamPort).toBeGreaterThan(0);
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
