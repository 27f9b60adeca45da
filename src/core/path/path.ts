/**
 * The path as the rest of the core reads it: the server's own hop (its idle timeout), the
 * middleboxes before it, and the request timing a pool runs with on that path — read timeout,
 * retries and TCP keep-alive — each the pool's own setting or, when absent, its client's default.
 */
import { findClient, scenarioClient } from '../clients/registry.ts';
import type { RetryFacts } from '../clients/types.ts';
import { p99Sec } from '../scenario/durations.ts';
import type { Hop, PoolSettings, Scenario } from '../scenario/schema.ts';

/** The server's idle timeout (its hop, last on the path), or undefined when it never closes first. */
export function serverIdleSec(s: Scenario): number | undefined {
  const last = s.network.middleboxes[s.network.middleboxes.length - 1];
  return last?.kind === 'server' ? last.idleSec : undefined;
}

/** The hops between client and server (the server's own hop left out). */
export function middleboxes(s: Scenario): Hop[] {
  return s.network.middleboxes.filter((h) => h.kind !== 'server');
}

/**
 * The read timeout the snippets write when the scenario sets none: 3 × the slowest class's p99, at
 * least 300 s, so that long streams are not cut.
 */
export function derivedReadTimeoutSec(s: Scenario): number {
  const longest = Math.max(...s.workload.classes.map((c) => p99Sec(c.duration)));
  return Math.max(300, Math.ceil(longest * 3));
}

export function readTimeoutSec(s: Scenario, pool: PoolSettings): number {
  return pool.readTimeoutSec ?? derivedReadTimeoutSec(s);
}

/** The client's retry rule (null: it does not retry a failed request). */
export function retryRule(s: Scenario): RetryFacts | null {
  return scenarioClient(s)?.path?.retries ?? null;
}

/**
 * How long a retry waits: the client's rule; generic rules, which retry only when the pool says so,
 * back off as the official Python SDKs do.
 */
export function backoffRule(s: Scenario): RetryFacts | null {
  const client = scenarioClient(s);
  return client ? (client.path?.retries ?? null) : (findClient('anthropic-py')?.path?.retries ?? null);
}

/** Attempts after the first that a pool's requests get. */
export function maxRetries(s: Scenario, pool: PoolSettings): number {
  return pool.maxRetries ?? retryRule(s)?.max ?? 0;
}

/** Idle seconds before the first TCP keep-alive probe on a pool's sockets; null = no probes. */
export function tcpKeepaliveSec(s: Scenario, pool: PoolSettings): number | null {
  const own = pool.tcpKeepaliveSec;
  if (own !== undefined) return own > 0 ? own : null;
  return scenarioClient(s)?.path?.tcpKeepaliveSec ?? null;
}
