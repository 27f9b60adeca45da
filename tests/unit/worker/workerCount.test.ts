import { describe, expect, it } from 'vitest';
import { workerCount } from '../../../src/worker/client.ts';

describe('simulation worker count', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 3],
    [8, 4],
    [64, 4],
  ])('should keep one of %i cores for the page, running %i workers', (cores, workers) => {
    expect(workerCount(cores)).toBe(workers);
  });

  it.each([undefined, 0, Number.NaN, -2])('should fall back to one worker when the core count is %s', (cores) => {
    expect(workerCount(cores)).toBe(1);
  });
});
