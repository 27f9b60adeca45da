import type { Stats } from './types.ts';

/**
 * Log-bucketed histogram for percentiles over millions of values in fixed memory. Buckets grow by
 * 1 % from 1 µs, so a reported percentile is within ±0.5 % of the true one (plus the zero bucket,
 * which is exact: most requests of a well-sized pool wait exactly 0 ms). Mean and max are exact.
 */
const MIN_MS = 1e-3;
const GROWTH = 1.01;
const INV_LOG_GROWTH = 1 / Math.log(GROWTH);
const BUCKETS = 2_800; // 1 µs × 1.01^2800 ≈ 1.2e9 ms: beyond any simulated latency

export function bucketOf(ms: number): number {
  if (ms < MIN_MS) return 0;
  const bucket = 1 + Math.floor(Math.log(ms / MIN_MS) * INV_LOG_GROWTH);
  return bucket > BUCKETS ? BUCKETS : bucket;
}

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS + 1);
  count = 0;
  sum = 0;
  max = 0;
  /** Values above zero (used for P(wait)). */
  positive = 0;

  add(ms: number): void {
    this.addAt(bucketOf(ms), ms);
  }

  /** Adds a value whose bucket the caller already computed (one log per value, however many histograms). */
  addAt(bucket: number, ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    if (bucket > 0) this.positive++;
    this.counts[bucket]!++;
  }

  merge(other: Histogram): void {
    for (let i = 0; i <= BUCKETS; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sum += other.sum;
    this.positive += other.positive;
    if (other.max > this.max) this.max = other.max;
  }

  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = q * this.count;
    let seen = 0;
    for (let i = 0; i <= BUCKETS; i++) {
      seen += this.counts[i]!;
      if (seen >= rank && this.counts[i]! > 0) {
        if (i === 0) return 0;
        // Geometric middle of the bucket, never above the exact maximum.
        const mid = MIN_MS * Math.pow(GROWTH, i - 0.5);
        return Math.min(mid, this.max);
      }
    }
    return this.max;
  }

  stats(): Stats {
    return {
      mean: this.count ? this.sum / this.count : 0,
      p50: this.quantile(0.5),
      p95: this.quantile(0.95),
      p99: this.quantile(0.99),
      max: this.max,
    };
  }
}
