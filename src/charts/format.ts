/** Number formatting for chart readings and tables: units always spelled out, plurals right. */
import { formatNumber, plural } from '../core/formula.ts';

/** The page's one number format (core/formula.ts): "1,000", "26.7", "1 connection". */
export { formatNumber, plural };

/** A duration in milliseconds, in the unit a reader expects at that size. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms === 0) return '0 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  return `${(ms / 3_600_000).toFixed(1)} h`;
}

export function formatPct(fraction: number, digits = 1): string {
  const pct = fraction * 100;
  // A share too small to show at this precision is "under" it, not a misleading 0.0 %.
  if (pct > 0 && pct < 10 ** -digits) return `< ${(10 ** -digits).toFixed(digits)} %`;
  return `${pct.toFixed(digits)} %`;
}
