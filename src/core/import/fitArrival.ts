/**
 * An arrival model for the scenario from the start times: closed users when the calls carry a user
 * or session id, bursty on/off when the starts show long silences, else Poisson. Each comes with
 * the figures it was computed from and how well it fits.
 */
import { LIMITS, type Arrival } from '../scenario/schema.ts';
import { ksDistance, mean, quantile, round, sortedCopy } from './stats.ts';

export type FittedArrival = Exclude<Arrival, { kind: 'trace' }>;

export interface ArrivalFit {
  arrival: FittedArrival;
  /** Requests per second the model produces over the long run (for a closed model, at the observed mean duration). */
  ratePerSec: number;
  from: Record<string, number>;
  /** How well it fits, in one figure with its meaning. */
  goodness: { figure: string; value: number; meaning: string };
  why: string;
}

export interface ArrivalInput {
  /** Seconds from the first start, ascending. */
  starts: Float64Array;
  durations: Float64Array;
  /** Per call, in the same order; undefined where the file names none. */
  users?: (string | undefined)[];
}

const clampRate = (r: number) => Math.min(LIMITS.perSec, Math.max(r, 1e-6));

function exponentialKs(values: ArrayLike<number>, rate: number): number {
  return ksDistance(sortedCopy(values), (x) => 1 - Math.exp(-rate * x));
}

function cv(values: ArrayLike<number>): number {
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < values.length; i++) s += (values[i]! - m) ** 2;
  return values.length > 1 && m > 0 ? Math.sqrt(s / (values.length - 1)) / m : 0;
}

function closedFit(input: ArrivalInput, rate: number): ArrivalFit | undefined {
  const users = input.users;
  if (!users) return undefined;
  const named = users.filter((u) => u !== undefined).length;
  const byUser = new Map<string, number[]>();
  users.forEach((u, i) => {
    if (u === undefined) return;
    let list = byUser.get(u);
    if (!list) byUser.set(u, (list = []));
    list.push(i);
  });
  // A closed model needs most calls attributed and users who come back (two or more requests each on average).
  if (named < 0.9 * users.length || byUser.size === 0 || named / byUser.size < 2) return undefined;
  const thinks: number[] = [];
  for (const list of byUser.values()) {
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]!;
      thinks.push(Math.max(0, input.starts[list[k]!]! - (input.starts[prev]! + input.durations[prev]!)));
    }
  }
  const thinkSec = Math.min(LIMITS.thinkSec, Math.max(mean(thinks), 1e-3));
  const meanDuration = mean(input.durations);
  // Little's law on the user cycle (request, then think): users = rate × (duration + think).
  const count = Math.min(LIMITS.users, Math.max(1, Math.round(rate * (meanDuration + thinkSec))));
  return {
    arrival: { kind: 'users', users: count, thinkSec: round(thinkSec), thinkDist: 'exponential' },
    ratePerSec: round(count / (meanDuration + thinkSec)),
    from: { distinctUsers: byUser.size, thinkGaps: thinks.length, meanThinkSec: round(mean(thinks)), meanDurationSec: round(meanDuration), observedRatePerSec: round(rate) },
    goodness: { figure: 'ks', value: round(exponentialKs(thinks, 1 / thinkSec), 4), meaning: 'Kolmogorov–Smirnov distance of the think times from an exponential (0 = same)' },
    why: `${byUser.size} users or sessions with ${round(named / byUser.size, 3)} requests each: closed users, users = rate × (duration + think)`,
  };
}

/**
 * Silences longer than twenty median gaps (a Poisson stream has one in e^13.9 ≈ a million gaps, so
 * its own long gaps do not pass for silences) that add up to at least a fifth of the span make the
 * traffic bursty.
 */
function burstyFit(gaps: Float64Array, span: number, n: number): ArrivalFit | undefined {
  const sorted = sortedCopy(gaps);
  const threshold = Math.max(20 * quantile(sorted, 0.5), 1e-3);
  let offTotal = 0;
  let offCount = 0;
  const within: number[] = [];
  for (const g of gaps) {
    if (g > threshold) {
      offTotal += g;
      offCount++;
    } else within.push(g);
  }
  if (offCount < 2 || offTotal < 0.2 * span) return undefined;
  const onTotal = span - offTotal;
  const onSec = Math.min(LIMITS.thinkSec, Math.max(onTotal / (offCount + 1), 1e-3));
  const offSec = Math.min(LIMITS.thinkSec, offTotal / offCount);
  const perSec = clampRate(n / Math.max(onTotal, 1e-3));
  return {
    arrival: { kind: 'bursty', perSec: round(perSec), onSec: round(onSec), offSec: round(offSec) },
    ratePerSec: round((perSec * onSec) / (onSec + offSec)),
    from: { requests: n, spanSec: round(span), silences: offCount, silenceThresholdSec: round(threshold), offShare: round(offTotal / span, 4) },
    goodness: { figure: 'ks', value: round(exponentialKs(within, perSec), 4), meaning: 'Kolmogorov–Smirnov distance of the gaps within bursts from an exponential (0 = same)' },
    why: `${offCount} silences longer than ${round(threshold, 3)} s take ${Math.round((100 * offTotal) / span)} % of the time: bursty on/off`,
  };
}

export function fitArrival(input: ArrivalInput): ArrivalFit {
  const n = input.starts.length;
  const span = n ? input.starts[n - 1]! - input.starts[0]! : 0;
  if (n < 2 || span <= 0) {
    const perSec = clampRate(n / Math.max(span, 1));
    return {
      arrival: { kind: 'poisson', perSec: round(perSec) },
      ratePerSec: round(perSec),
      from: { requests: n, spanSec: round(span) },
      goodness: { figure: 'requests', value: n, meaning: 'too few distinct start times to judge a fit' },
      why: 'too few requests to see gaps: Poisson at requests ÷ max(span, 1 s)',
    };
  }
  const gaps = new Float64Array(n - 1);
  for (let i = 1; i < n; i++) gaps[i - 1] = input.starts[i]! - input.starts[i - 1]!;
  // (n − 1) gaps over the span: the maximum-likelihood rate of a Poisson stream observed from its first arrival.
  const rate = clampRate((n - 1) / span);
  const closed = closedFit(input, rate);
  if (closed) return closed;
  const bursty = burstyFit(gaps, span, n);
  if (bursty) return bursty;
  return {
    arrival: { kind: 'poisson', perSec: round(rate) },
    ratePerSec: round(rate),
    from: { requests: n, spanSec: round(span), meanGapSec: round(mean(gaps)), gapCv: round(cv(gaps), 4) },
    goodness: { figure: 'ks', value: round(exponentialKs(gaps, rate), 4), meaning: 'Kolmogorov–Smirnov distance of the gaps between starts from an exponential (0 = same; a Poisson stream\'s gap CV is 1)' },
    why: 'no user ids and no long silences: an open Poisson stream at (requests − 1) ÷ span',
  };
}
