/**
 * Where the target search starts: the smallest pool that meets the target in closed-form theory,
 * Erlang C for an M/M/c queue with the formula's load. The simulation decides; a good start only
 * saves probes (two when the estimate is exact, against six to eight bisecting from the formula's
 * size). Where the theory does not describe the pool (a client's own HTTP/2 rules, tenants, a
 * replayed trace) there is no estimate and the search starts from the formula's size.
 *
 * Closed users are treated as Poisson arrivals at their mean load (users × R ÷ (R + think)), which
 * queues a little more than a closed population: the estimate errs high, and the search steps down.
 */
import { computeFormula } from '../formula.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Erlang C from Erlang B: the probability that an arrival waits, c servers, offered load a (< c). */
function erlangCFromB(b: number, c: number, a: number): number {
  const rho = a / c;
  return b / (1 - rho + rho * b);
}

/** The largest pool an estimate may name: the search's own bound. */
const MAX_ESTIMATE = 100_000;

export function estimatedSize(s: Scenario): number | null {
  const pool = s.pool;
  // HTTP/2 is M/M/(connections × streams) under the generic rules; each client's own rules decide
  // how many streams a connection really carries (undici 7: one POST), so those start elsewhere.
  const streams = pool.protocol === 'h2' ? (s.client === undefined ? pool.streamsPerConnection : null) : 1;
  if (streams === null || pool.tenants > 1 || s.workload.arrival.kind === 'trace') return null;
  const formula = computeFormula(s);
  // With split pools the search sizes the main pool for its own requests: their share of all
  // requests loosens what the main pool must meet (the other pools stay as they are).
  const classes = s.workload.classes;
  const totalShare = classes.reduce((sum, c) => sum + c.share, 0);
  const mainShare = classes.reduce((sum, c) => ((c.pool ?? pool.name) === pool.name ? sum + c.share : sum), 0) / totalShare;
  if (!(mainShare > 0)) return null;
  const mainLoad = s.pools.length > 0 ? formula.pools[0]!.inFlight : (formula.closedMeanInFlight ?? formula.inFlight);
  const load = mainLoad;
  const serviceSec = mainLoad / (formula.ratePerSec * mainShare);
  if (!(load > 0) || !(serviceSec > 0)) return null;
  const target = s.target;
  // P(W > t) = C(c, a) · exp(−(c − a) · t ÷ S) for M/M/c with mean service S. Erlang B by its
  // stable recurrence, carried from one c to the next, so the walk costs O(c).
  const tailSec = target.value / 1000;
  // A closed population never queues on as many connections as it has users.
  const arrival = s.workload.arrival;
  const bound = arrival.kind === 'users' ? Math.min(arrival.users, MAX_ESTIMATE) : MAX_ESTIMATE;
  let b = 1;
  for (let c = 1; c <= bound; c++) {
    b = (load * b) / (c + load * b);
    if (c <= load) continue;
    const pWait = erlangCFromB(b, c, load);
    const achieved = target.metric === 'pWait' ? pWait : pWait * Math.exp((-(c - load) * tailSec) / serviceSec);
    if (achieved <= (target.metric === 'pWait' ? target.value : 0.01) / mainShare) return Math.ceil(c / streams);
  }
  return bound < MAX_ESTIMATE ? Math.ceil(bound / streams) : null;
}
