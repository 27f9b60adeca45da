/**
 * What a new connection costs: DNS (unless a lookup within `dnsCacheSec` is reused), TCP 1 RTT,
 * then TLS — a full 1.3 handshake 1 RTT, a full 1.2 handshake 2 RTT, none for plain HTTP. HTTP/2 is
 * negotiated inside TLS (ALPN) at no extra round trip.
 */
import type { Scenario } from '../scenario/schema.ts';

export function setupSec(s: Scenario, withDns: boolean): number {
  const rtt = s.network.rttMs / 1000;
  const tlsRtts = s.network.tls === '1.2' ? 2 : s.network.tls === '1.3' ? 1 : 0;
  return (withDns ? s.network.dnsMs / 1000 : 0) + rtt * (1 + tlsRtts);
}

/**
 * One resolver with its cache: a lookup is reused for `dnsCacheSec` after the one that paid for it.
 * The pool and the no-pool baseline each own one (they resolve independently), built from this one class.
 */
export class DnsCache {
  private lastAt = -Infinity;
  private readonly fullSec: number;
  private readonly cachedSec: number;
  private readonly cacheSec: number;

  constructor(s: Scenario) {
    this.fullSec = setupSec(s, true);
    this.cachedSec = setupSec(s, false);
    this.cacheSec = s.network.dnsCacheSec;
  }

  /** Set-up time of a connection opened at t, refreshing the cache when it has run out. */
  setup(t: number): number {
    if (t - this.lastAt < this.cacheSec) return this.cachedSec;
    this.lastAt = t;
    return this.fullSec;
  }
}
