import type { SimResult } from './types.ts';

/**
 * The result as plain JSON data: typed arrays become arrays. Key order follows the result object,
 * which the engine builds in a fixed order, so the same scenario and seed print byte-identical JSON.
 */
export function simResultToJson(result: SimResult): unknown {
  return {
    ...result,
    series: {
      tSec: Array.from(result.series.tSec),
      active: Array.from(result.series.active),
      idle: Array.from(result.series.idle),
      queued: Array.from(result.series.queued),
    },
  };
}
