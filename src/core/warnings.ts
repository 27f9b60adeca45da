/**
 * Set-ups that contradict themselves, found from the scenario and the formula alone (no simulation),
 * so they show the moment a field changes. Each names the field a user should look at.
 */
import { formatNumber, plural } from './format.ts';
import { computeFormula } from './formula.ts';
import { meanResponseSec } from './scenario/durations.ts';
import type { Scenario } from './scenario/schema.ts';
import { firstIdleLimit, hopName } from './path/path.ts';

export interface ScenarioWarning {
  id: string;
  field: string;
  message: string;
}

export function scenarioWarnings(s: Scenario): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const formula = computeFormula(s);
  const pools = [s.pool, ...s.pools];
  pools.forEach((pool, i) => {
    const at = i === 0 ? 'pool' : `pools[${i - 1}]`;
    const load = formula.pools[i]?.inFlight ?? formula.inFlight;
    const first = firstIdleLimit(s, pool);
    if (first !== undefined && pool.keepaliveSec >= first.idleSec) {
      const idle = first.idleSec;
      const what =
        first.kind === 'server'
          ? `the server’s idle timeout (${idle} s): the client may reuse a connection the server has just closed and get connection-reset errors`
          : first.onIdle === 'silent' || first.onIdle === 'silent-rst'
            ? `the ${idle} s after which ${hopName(first)} forgets an idle connection: a request sent on one ${first.onIdle === 'silent' ? 'hangs until the read timeout' : 'is reset'}`
            : `the ${idle} s after which ${hopName(first)} closes an idle connection: a request sent as it closes fails`;
      warnings.push({
        id: `stale-${pool.name}`,
        field: `${at}.keepaliveSec`,
        message: `Keep-alive (${pool.keepaliveSec} s) is at or above ${what}. Set it a few seconds below ${idle} s.`,
      });
    }
    const capacity = pool.protocol === 'h2' ? pool.maxConnections * pool.streamsPerConnection : pool.maxConnections;
    const closed = s.workload.arrival.kind === 'users';
    // Closed users who wait for each reply load a pool by users × R ÷ (R + think), not the formula's × R ÷ think.
    const meanLoad = closed && s.pools.length === 0 ? (formula.closedMeanInFlight ?? load) : load;
    if (capacity < meanLoad) {
      warnings.push({
        id: `overload-${pool.name}`,
        field: `${at}.maxConnections`,
        message: closed
          ? `Pool “${pool.name}” allows ${plural(capacity, 'request')} at once but users keep ${meanLoad.toFixed(1)} in flight on average: most requests queue for a connection (the queue stays below the number of users, since a waiting user sends nothing more).`
          : `Pool “${pool.name}” allows ${plural(capacity, 'request')} at once but the mean load is ${meanLoad.toFixed(1)} in flight: requests arrive faster than the pool serves them, so the queue grows without bound.`,
      });
    }
    if (pool.protocol === 'h2' && pool.streamsPerConnection < load && pool.maxConnections * pool.streamsPerConnection >= load) {
      warnings.push({
        id: `h2-streams-${pool.name}`,
        field: `${at}.streamsPerConnection`,
        message: `HTTP/2 allows ${pool.streamsPerConnection} streams per connection but ${load.toFixed(1)} requests are in flight on average: more than one connection is needed, so multiplexing alone will not hold the load.`,
      });
    }
  });
  const classesByPool = new Map<string, { streaming: boolean; batch: boolean }>();
  for (const c of s.workload.classes) {
    const name = c.pool ?? s.pool.name;
    const entry = classesByPool.get(name) ?? { streaming: false, batch: false };
    if (c.streaming) entry.streaming = true;
    else entry.batch = true;
    classesByPool.set(name, entry);
  }
  pools.forEach((pool, i) => {
    const mix = classesByPool.get(pool.name);
    const load = formula.pools[i]?.inFlight ?? formula.inFlight;
    if (mix?.streaming && mix.batch && pool.maxConnections < Math.max(20, 2 * load)) {
      warnings.push({
        id: `mixed-${pool.name}`,
        field: i === 0 ? 'pool.maxConnections' : `pools[${i - 1}].maxConnections`,
        message: `Streaming and short requests share the small pool “${pool.name}” (${pool.maxConnections} connections): long streams can hold every connection and starve the short calls. Consider a separate streaming pool.`,
      });
    }
  });
  const ceiling = rateLimitCeiling(s);
  const total = pools.reduce((sum, p) => sum + (p.protocol === 'h2' ? p.maxConnections * p.streamsPerConnection : p.maxConnections), 0);
  if (ceiling && total > ceiling.concurrency) {
    warnings.push({
      id: 'rate-limit',
      field: 'pool.maxConnections',
      message: `The pool allows ${plural(total, 'request')} at once, but the provider’s limit of ${formatNumber(ceiling.requestsPerMinute, 0)} requests/min carries only about ${formatNumber(ceiling.concurrency, 1)} at once (${ceiling.expression}): beyond that, requests get 429 errors instead of answers.`,
    });
  }
  return warnings;
}

export interface RateLimitCeiling {
  /** The binding limit, in requests per minute (tokens per minute ÷ tokens per request when that binds). */
  requestsPerMinute: number;
  /** Requests in flight the limit allows: requests per minute × mean response time ÷ 60. */
  concurrency: number;
  expression: string;
  source: 'requests' | 'tokens';
}

/** The concurrency a provider's rate limit allows (Little's law on the allowed rate), or null without one. */
export function rateLimitCeiling(s: Scenario): RateLimitCeiling | null {
  const limit = s.rateLimit;
  if (!limit) return null;
  const fromTokens = limit.tokensPerMinute !== undefined && limit.tokensPerRequest !== undefined ? limit.tokensPerMinute / limit.tokensPerRequest : undefined;
  const fromRequests = limit.requestsPerMinute;
  if (fromRequests === undefined && fromTokens === undefined) return null;
  const source = fromTokens !== undefined && (fromRequests === undefined || fromTokens < fromRequests) ? 'tokens' : 'requests';
  const rpm = source === 'tokens' ? fromTokens! : fromRequests!;
  const meanSec = meanResponseSec(s.workload.classes);
  const rpmText =
    source === 'tokens'
      ? `${formatNumber(limit.tokensPerMinute!, 0)} tokens/min ÷ ${formatNumber(limit.tokensPerRequest!, 0)} tokens per request`
      : `${formatNumber(rpm, 0)} requests/min`;
  return { requestsPerMinute: rpm, concurrency: (rpm * meanSec) / 60, expression: `${rpmText} × ${formatNumber(meanSec, 2)} s ÷ 60`, source };
}
