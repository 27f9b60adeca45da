import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatNumber, plural } from '../../src/core/format.ts';

const intl = (x: number, d: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: d }).format(Number(x.toFixed(d)));

describe('formatNumber', () => {
  // Up to 1e9 with 4 decimals every digit is exact in a double; beyond 2^53 both print float dust differently.
  it('should write what Intl en-US writes for the same rounded value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.double({ min: -20, max: 20, noNaN: true }), fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 1000)), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const expected = intl(x, d).replace(/^-0$/, '0');
        expect(formatNumber(x, d)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('should group thousands, trim trailing zeros and never show minus zero', () => {
    expect(formatNumber(26.666, 1)).toBe('26.7');
    expect(formatNumber(1234567.5, 0)).toBe('1,234,568');
    expect(formatNumber(30, 2)).toBe('30');
    expect(formatNumber(-0.04, 1)).toBe('0');
    expect(formatNumber(-1500.25, 1)).toBe('-1,500.3');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
  });

  it('should put the noun in the right number', () => {
    expect(plural(1, 'connection')).toBe('1 connection');
    expect(plural(1000, 'request')).toBe('1,000 requests');
  });
});
