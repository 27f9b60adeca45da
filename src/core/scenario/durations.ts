import type { Duration, RequestClass } from './schema.ts';

/** z such that P(Z ≤ z) = 0.95 for a standard normal. */
export const Z95 = 1.6448536269514722;

/**
 * Lognormal parameters from its mean and 95th percentile.
 * ln(p95) − ln(mean) = Z95·σ − σ²/2, so σ is the smaller root of σ²/2 − Z95·σ + ln(p95/mean) = 0.
 * A real root needs ln(p95/mean) ≤ Z95²/2, i.e. p95 ≤ 3.87 × mean; p95 must also exceed the mean
 * (a lognormal's mean is always below its 95th percentile for σ < 2·Z95, which the smaller root is).
 */
export function lognormalParams(meanSec: number, p95Sec: number): { mu: number; sigma: number } | null {
  const gap = Math.log(p95Sec / meanSec);
  const discriminant = Z95 * Z95 - 2 * gap;
  if (!(gap > 0) || discriminant < 0) return null;
  const sigma = Z95 - Math.sqrt(discriminant);
  const mu = Math.log(meanSec) - (sigma * sigma) / 2;
  return { mu, sigma };
}

/** Largest p95/mean ratio a lognormal can have (σ = Z95). */
export const LOGNORMAL_MAX_P95_RATIO = Math.exp((Z95 * Z95) / 2);

export function meanDurationSec(duration: Duration): number {
  return duration.meanSec;
}

/** Shares are relative weights; this turns them into fractions that sum to 1. */
export function normalisedShares(classes: readonly RequestClass[]): number[] {
  const total = classes.reduce((sum, c) => sum + c.share, 0);
  return classes.map((c) => c.share / total);
}

/** Share-weighted mean service time over all classes. */
export function meanResponseSec(classes: readonly RequestClass[]): number {
  const shares = normalisedShares(classes);
  return classes.reduce((sum, c, i) => sum + (shares[i] ?? 0) * meanDurationSec(c.duration), 0);
}

/** About the 99th percentile of a duration: what "the longest plausible response" means in timeouts. */
export function p99Sec(d: Duration): number {
  if (d.dist === 'constant') return d.meanSec;
  if (d.dist === 'exponential') return d.meanSec * Math.log(100);
  const p = lognormalParams(d.meanSec, d.p95Sec);
  return p ? Math.exp(p.mu + 2.3263478740408408 * p.sigma) : d.p95Sec * 2;
}
