/**
 * The official OpenAI and Anthropic SDKs retry alike in every language read here (Python, Node, Go,
 * Java): 2 retries of connection errors and timeouts, waiting min(0.5 s × 2ⁿ, 8 s) × (1 − 0.25 × U).
 * Each family's facts cite where its SDKs compute it; this is the one rule they share.
 */
import type { RetryFacts, SourceRef } from './types.ts';

export function officialSdkRetries(source: SourceRef): RetryFacts {
  return { max: 2, initialSec: 0.5, maxSec: 8, jitter: 0.25, source };
}
