/**
 * Event kinds, packed with an id into one int32 tag: tag = id × 8 + kind. Three bits hold all eight
 * kinds; ids stay below 2^28 (requests and connections are recycled slots, users ≤ 10^6).
 */
export const KIND_BITS = 3;
export const KIND_MASK = 7;

/** An open (Poisson, bursty or trace) arrival. */
export const ARRIVAL = 0;
/** A closed-loop user's next request (id = user). */
export const USER = 1;
/** A request's response ends (id = request). */
export const FINISH = 2;
/** A queued request reaches the pool timeout (id = request, aux = its generation). */
export const TIMEOUT = 3;
/** A request held by the rate limiter gets its token and asks the pool (id = request). */
export const RATE_READY = 4;
/** A connection finishes its set-up (id = connection, aux = its creation number); only policies that wait for it schedule it. */
export const CONNECTED = 5;

/** An attempt fails: the path closed or forgot its connection, or cut its silent read (id = request, aux = its generation). */
export const FAIL = 6;
/** A failed request's retry asks the pool again after the client's backoff (id = request, aux = its generation). */
export const RETRY = 7;

export function tag(id: number, kind: number): number {
  return (id << KIND_BITS) | kind;
}
