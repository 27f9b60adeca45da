/**
 * The path as the rest of the core reads it: the server's own hop (its idle timeout), the
 * middleboxes before it, and the request timing a pool runs with on that path — read timeout,
 * retries and TCP keep-alive — each the pool's own setting or, when absent, its client's default.
 */
import { findClient, scenarioClient } from '../clients/registry.ts';
import type { RetryFacts } from '../clients/types.ts';
import { p99Sec } from '../scenario/durations.ts';
import type { Hop, PoolSettings, Scenario } from '../scenario/schema.ts';
import { HOP_FACTS } from './hops.ts';

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
  return scenarioClient(s)?.path.retries ?? null;
}

/**
 * How long a retry waits: the client's rule; generic rules, which retry only when the pool says so,
 * back off as the official Python SDKs do.
 */
export function backoffRule(s: Scenario): RetryFacts | null {
  const client = scenarioClient(s);
  return client ? client.path.retries : (findClient('anthropic-py')?.path.retries ?? null);
}

/** Attempts after the first that a pool's requests get. */
export function maxRetries(s: Scenario, pool: PoolSettings): number {
  return pool.maxRetries ?? retryRule(s)?.max ?? 0;
}

/** Idle seconds before the first TCP keep-alive probe on a pool's sockets; null = no probes. */
export function tcpKeepaliveSec(s: Scenario, pool: PoolSettings): number | null {
  const own = pool.tcpKeepaliveSec;
  if (own !== undefined) return own > 0 ? own : null;
  return scenarioClient(s)?.path.tcpKeepaliveSec ?? null;
}

/** Whether TCP keep-alive probes every `probeSec` (null: none) keep a hop's idle timer from running out. */
export function probesKeepAlive(hop: Hop, probeSec: number | null): boolean {
  return (hop.onIdle === 'silent' || hop.onIdle === 'silent-rst') && probeSec !== null && probeSec < hop.idleSec;
}

/**
 * A hop's name in a sentence: "the AWS NAT gateway", "Cloudflare", "the server", and a custom one
 * by its place on the path when that is given ("the custom middlebox (hop 2)"), else "a middlebox".
 */
export function hopName(hop: Hop, index?: number): string {
  if (hop.kind === 'server') return 'the server';
  if (hop.kind === 'custom') return index === undefined ? 'a middlebox' : `the custom middlebox (hop ${index + 1})`;
  const label = HOP_FACTS[hop.kind].label;
  return hop.kind === 'cloudflare' ? label : `the ${label}`;
}

/**
 * The hop that ends an idle connection of this pool first — the server's timeout, a middlebox that
 * closes it, or one that forgets it and is not kept alive by the pool's TCP keep-alive probes
 * (`probeSec`, default the pool's own) — or undefined when nothing on the path does.
 */
export function firstIdleLimit(s: Scenario, pool: PoolSettings, probeSec: number | null = tcpKeepaliveSec(s, pool)): Hop | undefined {
  let first: Hop | undefined;
  for (const hop of s.network.middleboxes) {
    if (probesKeepAlive(hop, probeSec)) continue;
    if (!first || hop.idleSec < first.idleSec) first = hop;
  }
  return first;
}

/**
 * TCP keep-alive to propose for a pool behind a hop that forgets idle flows (a NAT): probes every
 * min(60 s, a third of the shortest such limit). 60 s is what undici and the Anthropic SDK set by
 * default; a third of the limit keeps the flow even when one probe is lost (the next comes one period
 * later, still inside the limit). Undefined when no such hop is unprotected, the client cannot set
 * probes, or the limit is under 3 s (no whole-second period fits).
 */
export function proposedTcpKeepaliveSec(s: Scenario, pool: PoolSettings): number | undefined {
  const probe = tcpKeepaliveSec(s, pool);
  const exposed = s.network.middleboxes.filter((h) => (h.onIdle === 'silent' || h.onIdle === 'silent-rst') && !probesKeepAlive(h, probe));
  if (!exposed.length) return undefined;
  const client = scenarioClient(s);
  if (client && !client.path.canSetTcpKeepalive) return undefined;
  const limit = Math.min(...exposed.map((h) => h.idleSec));
  // Kernels take whole seconds: under a 3 s limit no period fits, and the keep-alive clamp does the work.
  const period = Math.min(60, Math.floor(limit / 3));
  return period >= 1 ? period : undefined;
}
