/**
 * Traffic: which class a request belongs to, how long the server takes, when open arrivals come and
 * how long closed users think. All draws come from the run's one Rng, in a fixed order, so a seed
 * gives the same run on every engine.
 */
import { lognormalParams, normalisedShares } from '../scenario/durations.ts';
import type { Scenario } from '../scenario/schema.ts';
import { SimError } from './errors.ts';
import type { Rng } from './rng.ts';

const DIST_EXPONENTIAL = 0;
const DIST_CONSTANT = 1;
const DIST_LOGNORMAL = 2;

export class Traffic {
  readonly classCount: number;
  readonly totalRequests: number;
  readonly isTrace: boolean;
  readonly isUsers: boolean;
  readonly users: number;
  private readonly cumShare: Float64Array;
  private readonly distKind: Int32Array;
  private readonly distA: Float64Array;
  private readonly distB: Float64Array;
  private readonly thinkMean: number;
  private readonly thinkConstant: boolean;
  private readonly nextOpen: () => number;
  /** Trace rows sorted by start, shifted so the first starts at 0. */
  readonly traceRows: [number, number][] = [];

  constructor(
    s: Scenario,
    private readonly rng: Rng,
  ) {
    const arrival = s.workload.arrival;
    const classes = s.workload.classes;
    this.classCount = classes.length;
    this.totalRequests = arrival.kind === 'trace' ? arrival.rows.length : s.sim.requests;
    this.isTrace = arrival.kind === 'trace';
    this.isUsers = arrival.kind === 'users';
    this.users = arrival.kind === 'users' ? arrival.users : 0;

    const shares = normalisedShares(classes);
    this.cumShare = new Float64Array(classes.length);
    shares.reduce((acc, share, i) => (this.cumShare[i] = acc + share), 0);
    this.cumShare[classes.length - 1] = 1;
    this.distKind = new Int32Array(classes.length);
    this.distA = new Float64Array(classes.length);
    this.distB = new Float64Array(classes.length);
    classes.forEach((c, i) => {
      const d = c.duration;
      if (d.dist === 'lognormal') {
        const params = lognormalParams(d.meanSec, d.p95Sec);
        if (!params) throw new SimError(`workload.classes[${i}].duration: no lognormal has mean ${d.meanSec} s and p95 ${d.p95Sec} s`);
        this.distKind[i] = DIST_LOGNORMAL;
        this.distA[i] = params.mu;
        this.distB[i] = params.sigma;
      } else {
        this.distKind[i] = d.dist === 'constant' ? DIST_CONSTANT : DIST_EXPONENTIAL;
        this.distA[i] = d.meanSec;
      }
    });

    this.thinkMean = arrival.kind === 'users' ? arrival.thinkSec : 0;
    this.thinkConstant = arrival.kind === 'users' && arrival.thinkDist === 'constant';

    let next: () => number = () => Infinity;
    if (arrival.kind === 'poisson') {
      const mean = 1 / arrival.perSec;
      let t = 0;
      next = () => (t += rng.exponential(mean));
    } else if (arrival.kind === 'bursty') {
      // Poisson in "on-time", mapped onto the wall clock by skipping every off period.
      const mean = 1 / arrival.perSec;
      const cycle = arrival.onSec + arrival.offSec;
      let onTime = 0;
      next = () => {
        onTime += rng.exponential(mean);
        const cycles = Math.floor(onTime / arrival.onSec);
        return cycles * cycle + (onTime - cycles * arrival.onSec);
      };
    } else if (arrival.kind === 'trace') {
      this.traceRows = arrival.rows.map(([start, duration]) => [start, duration] as [number, number]).sort((a, b) => a[0] - b[0]);
      const origin = this.traceRows[0]![0];
      for (const row of this.traceRows) row[0] -= origin;
    }
    this.nextOpen = next;
  }

  /** Time of the next open (Poisson or bursty) arrival. */
  nextOpenArrival(): number {
    return this.nextOpen();
  }

  /** A closed user's first request: users start spread over one think time, as they would be mid-session. */
  firstUserDelay(): number {
    return this.thinkConstant ? this.rng.uniform() * this.thinkMean : this.thinkTime();
  }

  thinkTime(): number {
    return this.thinkConstant ? this.thinkMean : this.rng.exponential(this.thinkMean);
  }

  pickClass(): number {
    if (this.classCount === 1) return 0;
    const u = this.rng.uniform();
    const cum = this.cumShare;
    let k = 0;
    while (u > cum[k]!) k++;
    return k;
  }

  sampleDuration(k: number): number {
    const kind = this.distKind[k]!;
    if (kind === DIST_EXPONENTIAL) return this.rng.exponential(this.distA[k]!);
    if (kind === DIST_CONSTANT) return this.distA[k]!;
    return Math.exp(this.distA[k]! + this.distB[k]! * this.rng.normal());
  }
}

/** Rough simulated span of the run, used only to space the time-series samples. */
export function estimateDuration(s: Scenario, requests: number): number {
  const a = s.workload.arrival;
  const meanSec = s.workload.classes.reduce((sum, c, i) => sum + normalisedShares(s.workload.classes)[i]! * c.duration.meanSec, 0);
  switch (a.kind) {
    case 'poisson':
      return requests / a.perSec;
    case 'bursty':
      return (requests / a.perSec) * ((a.onSec + a.offSec) / a.onSec);
    case 'users':
      return (requests / a.users) * (a.thinkSec + meanSec);
    case 'trace': {
      let last = 0;
      let first = Infinity;
      for (const [start, duration] of a.rows) {
        last = Math.max(last, start + duration);
        first = Math.min(first, start);
      }
      return Math.max(last - first, 1e-3);
    }
  }
}
