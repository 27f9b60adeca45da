/** What was read, for the user to check beside the fit: counts, the time span, rate over time and durations per class. */
import { quantile, round } from './stats.ts';

export interface Histogram {
  /** Bin edges in seconds (one more than counts); log-spaced, as durations span decades. */
  edgesSec: number[];
  counts: number[];
}

export interface ClassSummary {
  name: string;
  streaming: boolean | undefined;
  requests: number;
  meanSec: number;
  p50Sec: number;
  p95Sec: number;
  maxSec: number;
  histogram: Histogram;
}

export interface RateOverTime {
  binSec: number;
  /** Requests per second started in each bin. */
  perSec: number[];
}

const HISTOGRAM_BINS = 12;
const RATE_BINS = 60;

export function histogram(sorted: Float64Array): Histogram {
  const n = sorted.length;
  const lo = sorted[0]!;
  const hi = sorted[n - 1]!;
  if (!(hi > lo)) return { edgesSec: [round(lo, 4), round(lo, 4)], counts: [n] };
  const a = Math.log(lo);
  const step = (Math.log(hi) - a) / HISTOGRAM_BINS;
  const edgesSec = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => round(Math.exp(a + i * step), 4));
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < n; i++) counts[Math.min(HISTOGRAM_BINS - 1, Math.floor((Math.log(sorted[i]!) - a) / step))]!++;
  return { edgesSec, counts };
}

export function classSummary(name: string, streaming: boolean | undefined, sorted: Float64Array): ClassSummary {
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i]!;
  return {
    name,
    streaming,
    requests: sorted.length,
    meanSec: round(sum / sorted.length),
    p50Sec: round(quantile(sorted, 0.5)),
    p95Sec: round(quantile(sorted, 0.95)),
    maxSec: round(sorted[sorted.length - 1]!),
    histogram: histogram(sorted),
  };
}

/** `starts` ascending, in seconds from the first. At most RATE_BINS bins of a round width. */
export function rateOverTime(starts: Float64Array): RateOverTime {
  const span = starts.length ? starts[starts.length - 1]! : 0;
  const widths = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 600, 1800, 3600, 21600, 86400];
  const binSec = widths.find((w) => span / w < RATE_BINS) ?? Math.ceil(span / RATE_BINS);
  const counts = new Array<number>(Math.max(1, Math.floor(span / binSec) + 1)).fill(0);
  for (let i = 0; i < starts.length; i++) counts[Math.min(counts.length - 1, Math.floor(starts[i]! / binSec))]!++;
  return { binSec, perSec: counts.map((c) => round(c / binSec, 4)) };
}
