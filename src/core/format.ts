/**
 * The page's one number format, for the core's sentences, the charts' readings and the tables alike:
 * "1,000", "26.7", "1 connection", "120 ms", "12.5 %". Units always spelled out, plurals right.
 */

/**
 * en-US digits without Intl: the first Intl.NumberFormat a page builds loads ICU data, measured at
 * 48 ms of main thread in Chromium on this machine (190 ms at Lighthouse's 4× CPU slowdown), the
 * largest single cost of the first render. Output matches Intl.NumberFormat('en-US',
 * { maximumFractionDigits }) on the rounded value (tests/unit/format.test.ts), except that a value
 * rounding to zero never shows as "-0".
 */
export function formatNumber(x: number, maxDecimals = 1): string {
  if (!Number.isFinite(x)) return '—';
  const magnitude = Math.abs(x);
  // toFixed switches to exponent notation from 1e21; no pool figure gets there.
  if (magnitude >= 1e21) return String(x);
  const [whole = '0', fraction = ''] = magnitude.toFixed(maxDecimals).split('.');
  const digits = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = x < 0 && (whole !== '0' || digits !== '') ? '-' : '';
  return `${sign}${grouped}${digits ? `.${digits}` : ''}`;
}

/** "1 connection", "30 connections": a count with its noun in the right number. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n, 0)} ${n === 1 ? one : many}`;
}

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
