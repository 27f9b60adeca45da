/**
 * The API stand-in for calibration: HTTPS on 127.0.0.1 (TLS 1.3, a self-signed certificate made
 * here), HTTP/1.1 only or HTTP/2 only, answering every POST `serviceMs` after it arrives. For each
 * request it records the id the driver put in the body, when it arrived, and the connection it came
 * on (by the remote port, i.e. the proxy's upstream socket).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createSecureServer, type ServerHttp2Stream } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { wallMs } from '../tools/latency-proxy.ts';

export interface ServedRequest {
  id: number;
  /** Wall-clock ms when the request (headers and body) had arrived. */
  arrivedAt: number;
  /** Remote port of the connection it came on (the proxy's upstream socket). */
  port: number;
}

export interface CalibrationServer {
  port: number;
  served: ServedRequest[];
  close(): Promise<void>;
}

/** Makes a throw-away certificate for 127.0.0.1 in `dir`; returns the paths. */
export function makeCertificate(dir: string): { key: string; cert: string } {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  return { key, cert };
}

export async function startServer(options: {
  protocol: 'h1' | 'h2';
  serviceMs: number;
  /** Seconds the server keeps an idle HTTP/1.1 connection; Node sends it as `Keep-Alive: timeout=N`. */
  keepAliveSec: number;
  certificate: { key: string; cert: string };
}): Promise<CalibrationServer> {
  const served: ServedRequest[] = [];
  const tls = { key: readFileSync(options.certificate.key), cert: readFileSync(options.certificate.cert), minVersion: 'TLSv1.3' as const };
  const answer = (id: number, port: number, reply: () => void) => {
    served.push({ id, arrivedAt: wallMs(), port });
    setTimeout(reply, options.serviceMs);
  };
  const idOf = (body: string) => {
    try {
      return Number(JSON.parse(body).id);
    } catch {
      return -1;
    }
  };
  let server;
  if (options.protocol === 'h1') {
    const h1 = createHttpsServer(tls, (req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (d: string) => (body += d));
      req.on('end', () =>
        answer(idOf(body), req.socket.remotePort ?? 0, () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"ok":true}');
        }),
      );
    });
    h1.keepAliveTimeout = options.keepAliveSec * 1000;
    h1.headersTimeout = Math.max(60_000, h1.keepAliveTimeout + 1000);
    server = h1;
  } else {
    // Announce a stream limit as the AI APIs' front ends do. httpcore (httpx, httpx2) starts every
    // HTTP/2 connection with ONE stream and raises it only when the server's SETTINGS carry
    // MAX_CONCURRENT_STREAMS (httpcore/_async/http2.py:119-121 and :392-404); Node's server leaves it
    // out by default, and a first calibration run then saw httpx serialise every request (1.5 s mean
    // latency where 0.14 s was simulated).
    const h2 = createSecureServer({ ...tls, allowHTTP1: false, settings: { maxConcurrentStreams: 100 } });
    h2.on('stream', (stream: ServerHttp2Stream) => {
      let body = '';
      stream.setEncoding('utf8');
      stream.on('data', (d: string) => (body += d));
      stream.on('end', () =>
        answer(idOf(body), stream.session?.socket?.remotePort ?? 0, () => {
          if (stream.closed) return;
          stream.respond({ ':status': 200, 'content-type': 'application/json' });
          stream.end('{"ok":true}');
        }),
      );
    });
    server = h2;
  }
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    served,
    close: () =>
      new Promise<void>((done) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => done());
        setTimeout(done, 2000).unref();
      }),
  };
}
