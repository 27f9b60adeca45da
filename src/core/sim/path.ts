/**
 * The path between client and API as the simulator sees it (issue #17): what each hop does to a
 * connection that sat idle past its limit, and to a response that stays silent longer than it, and
 * what the client then does (read timeout, retries with its backoff). Measured with real clients
 * through tests/tools/latency-proxy.ts's idle modes (tests/calibration/path/README.md):
 * - FIN / RST while idle: every client notices and drops the connection, so the next request opens
 *   a new one (the pool's expiry is capped at the hop's limit + the one-way delay). A request sent
 *   within the one-way delay either side of the close crosses it and fails about one round trip
 *   later (undici "other side closed", httpcore RemoteProtocolError, aiohttp ServerDisconnectedError).
 * - silent: nobody notices; a request sent on the dead flow hangs until the read timeout.
 * - silent, then RST on the next packet (AWS NAT gateway): the request fails one round trip later.
 * - A response silent longer than a hop's limit: a FIN/RST hop cuts it at its limit; a silent hop
 *   forgets the flow and the read hangs until the read timeout.
 * TCP keep-alive probes are traffic to a flow-tracking hop (silent kinds): probes sent sooner than
 * its limit keep idle connections and silent reads alive there. Proxies that close with FIN/RST keep
 * their own HTTP idle timer, which probes do not reset.
 * The server's own hop is left to the pool rules, as before (a polite close the client expects).
 */
import { backoffRule, maxRetries, middleboxes, readTimeoutSec, tcpKeepaliveSec } from '../path/path.ts';
import type { RetryFacts } from '../clients/types.ts';
import type { Hop, Scenario } from '../scenario/schema.ts';
import { Rng } from './rng.ts';

/** What happens to one attempt: it fails `afterSec` after it was sent (or its response started), hanging or not. */
export interface AttemptFailure {
  afterSec: number;
  hung: boolean;
}

/** Connection failure codes kept on a broken connection (Connections.broken). */
export const BROKEN_NONE = 0;
export const BROKEN_ERROR = 1;
export const BROKEN_HANG = 2;

interface PoolPath {
  /** Hops that close with FIN/RST, and flow-tracking hops this pool's probes do not keep alive. */
  closing: Hop[];
  forgetting: Hop[];
  readTimeoutSec: number;
  retries: number;
  /** Whether a read timeout is retried like a connection error (OkHttp retries only the latter). */
  retriesHangs: boolean;
  /** Idle age at which the client has seen a FIN/RST hop's close (Infinity: no such hop). */
  noticeAgeSec: number;
}

const isClosing = (h: Hop) => h.onIdle === 'fin' || h.onIdle === 'rst';

export class PathModel {
  /** Whether any middlebox sits on the path (false: the simulator runs exactly as without this model). */
  readonly active: boolean;
  private readonly pools: PoolPath[];
  private readonly oneWaySec: number;
  /** How long a request sent on a closed or reset connection takes to fail: out and back. */
  readonly roundTripSec: number;
  private readonly backoff: RetryFacts | null;
  private readonly rng: Rng;
  /** Per class: streamed, and seconds to its first byte (−1: none given). */
  private readonly streaming: boolean[];
  private readonly firstByteSec: number[];

  constructor(s: Scenario) {
    const hops = middleboxes(s);
    this.active = hops.length > 0;
    this.roundTripSec = s.network.rttMs / 1000;
    this.oneWaySec = this.roundTripSec / 2;
    this.backoff = backoffRule(s);
    // Its own stream, so that retries never shift the draws of arrivals and durations.
    this.rng = new Rng((s.sim.seed ^ 0x5bd1e995) >>> 0);
    this.streaming = s.workload.classes.map((c) => c.streaming);
    this.firstByteSec = s.workload.classes.map((c) => c.firstByteSec ?? -1);
    this.pools = [s.pool, ...s.pools].map((p) => {
      const probe = tcpKeepaliveSec(s, p);
      const closing = hops.filter(isClosing);
      const forgetting = hops.filter((h) => !isClosing(h) && (probe === null || probe >= h.idleSec));
      return {
        closing,
        forgetting,
        readTimeoutSec: readTimeoutSec(s, p),
        retries: maxRetries(s, p),
        retriesHangs: this.backoff?.readTimeouts !== false,
        noticeAgeSec: closing.length ? Math.min(...closing.map((h) => h.idleSec)) + this.oneWaySec : Infinity,
      };
    });
  }

  /** Idle age by which a FIN/RST hop's close has reached the client of pool `p` (Infinity if none). */
  noticeAgeSec(p: number): number {
    return this.pools[p]!.noticeAgeSec;
  }

  readTimeoutSecOf(p: number): number {
    return this.pools[p]!.readTimeoutSec;
  }

  /** Whether an attempt of pool p that failed (after hanging or not) is retried, `done` retries in. */
  retries(p: number, done: number, hung: boolean): boolean {
    const pool = this.pools[p]!;
    return done < pool.retries && (!hung || pool.retriesHangs);
  }

  /**
   * A request sent on a connection of pool `p` idle `ageSec`: how it fails if a hop has closed or
   * forgotten that connection, else null. The hop that gave up first decides.
   */
  staleAttempt(p: number, ageSec: number): AttemptFailure | null {
    const pool = this.pools[p]!;
    let first: Hop | null = null;
    for (const h of pool.closing) if (ageSec >= h.idleSec - this.oneWaySec && (!first || h.idleSec < first.idleSec)) first = h;
    for (const h of pool.forgetting) if (ageSec >= h.idleSec && (!first || h.idleSec < first.idleSec)) first = h;
    if (!first) return null;
    return first.onIdle === 'silent' ? { afterSec: pool.readTimeoutSec, hung: true } : { afterSec: this.roundTripSec, hung: false };
  }

  /**
   * A response of class k lasting `durationSec`: its silent stretch (to the first byte: none for a
   * stream unless given, the whole response for a non-streamed one) may outlast a hop's limit. Seconds
   * after the response started at which the attempt fails, or null.
   */
  silentRead(p: number, k: number, durationSec: number): AttemptFailure | null {
    const given = this.firstByteSec[k]!;
    const silent = Math.min(durationSec, given >= 0 ? given : this.streaming[k] ? 0 : durationSec);
    const pool = this.pools[p]!;
    let cut = Infinity;
    for (const h of pool.closing) if (silent > h.idleSec) cut = Math.min(cut, h.idleSec + this.oneWaySec);
    const forgotten = pool.forgetting.some((h) => silent > h.idleSec);
    // A forgotten flow hangs until the read timeout, unless a FIN/RST hop cuts it sooner.
    if (forgotten && pool.readTimeoutSec < cut) return { afterSec: pool.readTimeoutSec, hung: true };
    return cut < Infinity ? { afterSec: cut, hung: false } : null;
  }

  /** Delay before retry number n (0 for the first), as the client's source computes it. */
  backoffSec(n: number): number {
    const rule = this.backoff;
    if (!rule) return 0;
    return Math.min(rule.initialSec * 2 ** n, rule.maxSec) * (1 - rule.jitter * this.rng.uniform());
  }
}
