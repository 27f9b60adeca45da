/**
 * A client-side rate limiter in front of the pool (scenario.rateLimit.simulate): a token bucket
 * refilled at min(RPM, TPM ÷ tokens per request) ÷ 60 per second, holding one second of that rate
 * (at least one token). Requests take tokens in arrival order; one that finds the bucket empty waits
 * for the token it is owed before it asks the pool for a connection.
 *
 * Kept as "virtual scheduling": the level may go negative, each unit below zero being a token already
 * promised to an earlier waiter, so the wait of a new request is its place in that debt ÷ the rate.
 */
import type { Scenario } from '../scenario/schema.ts';

export class TokenBucket {
  private level: number;
  private lastT = 0;

  constructor(
    readonly ratePerSec: number,
    readonly capacity: number,
  ) {
    this.level = capacity;
  }

  /** Seconds a request arriving at t waits for its token (0 when one is in the bucket). */
  take(t: number): number {
    const refilled = this.level + (t - this.lastT) * this.ratePerSec;
    this.level = refilled > this.capacity ? this.capacity : refilled;
    this.lastT = t;
    this.level -= 1;
    return this.level >= 0 ? 0 : -this.level / this.ratePerSec;
  }
}

/** The scenario's limiter, or null when it is off or names no usable limit. */
export function rateLimiterFor(s: Scenario): TokenBucket | null {
  const limit = s.rateLimit;
  if (!limit?.simulate) return null;
  let perMinute = Infinity;
  if (limit.requestsPerMinute !== undefined) perMinute = limit.requestsPerMinute;
  if (limit.tokensPerMinute !== undefined && limit.tokensPerRequest !== undefined) {
    perMinute = Math.min(perMinute, limit.tokensPerMinute / limit.tokensPerRequest);
  }
  if (!Number.isFinite(perMinute)) return null;
  const rate = perMinute / 60;
  return new TokenBucket(rate, Math.max(1, rate));
}
