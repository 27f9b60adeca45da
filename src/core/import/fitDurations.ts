/**
 * A class's durations as the scenario's lognormal (mean and p95, the two figures people know):
 * matched to the sample's own mean and 95th percentile, so the fit states figures the user can
 * check against the summary. Goodness: the Kolmogorov–Smirnov distance between the sample and the
 * fitted distribution (0 = the same, ≥ 0.1 visibly different).
 */
import { LOGNORMAL_MAX_P95_RATIO, lognormalParams } from '../scenario/durations.ts';
import { LIMITS, type Duration } from '../scenario/schema.ts';
import { ksDistance, mean, normalCdf, quantile, round } from './stats.ts';

export interface DurationFit {
  duration: Duration;
  from: { requests: number; meanSec: number; p50Sec: number; p95Sec: number; maxSec: number };
  /** Kolmogorov–Smirnov distance, 0–1. */
  ks: number;
  note?: string;
}

/** `sorted` holds seconds, ascending, each in (0, LIMITS.durationSec]. */
export function fitDurations(sorted: Float64Array): DurationFit {
  const meanSec = mean(sorted);
  const p95Sec = quantile(sorted, 0.95);
  const from = { requests: sorted.length, meanSec: round(meanSec), p50Sec: round(quantile(sorted, 0.5)), p95Sec: round(p95Sec), maxSec: round(sorted[sorted.length - 1]!) };
  const m = Math.min(round(meanSec), LIMITS.durationSec);
  let p95 = Math.min(p95Sec, LIMITS.durationSec);
  let note: string | undefined;
  if (p95 / m > LOGNORMAL_MAX_P95_RATIO) {
    p95 = m * LOGNORMAL_MAX_P95_RATIO * 0.999;
    note = `the sample's p95 is ${(p95Sec / meanSec).toFixed(1)} × its mean, beyond any lognormal with that mean: p95 set to ${round(p95, 4)} s`;
  }
  p95 = round(p95);
  const params = p95 > m * 1.001 ? lognormalParams(m, p95) : null;
  if (!params) {
    const constant: Duration = { dist: 'constant', meanSec: m };
    return { duration: constant, from, ks: round(ksDistance(sorted, (x) => (x >= m ? 1 : 0)), 4), note: note ?? 'durations barely vary: a constant duration' };
  }
  const { mu, sigma } = params;
  const ks = ksDistance(sorted, (x) => normalCdf((Math.log(x) - mu) / sigma));
  return { duration: { dist: 'lognormal', meanSec: m, p95Sec: p95 }, from, ks: round(ks, 4), ...(note && { note }) };
}
