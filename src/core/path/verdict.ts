/**
 * What the path costs the simulated pool, in one verdict whose every sentence is built from the
 * counts beside it: requests sent on connections a hop had closed or forgotten, requests that hung
 * until the read timeout, retries, failures — and what would avoid them, from the same hop facts
 * the advice and the exports use.
 */
import { formatNumber, plural } from '../format.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { SimResult } from '../sim/types.ts';
import { firstIdleLimit, hopName, middleboxes, proposedTcpKeepaliveSec, readTimeoutSec } from './path.ts';

export interface PathVerdict {
  value: string;
  verdict: 'good' | 'watch' | 'bad';
  advice: string;
}

const sec = (x: number) => `${formatNumber(x, 1)} s`;

/** The path's verdict, or null when the scenario has no middlebox. */
export function pathVerdict(s: Scenario, r: SimResult): PathVerdict | null {
  const hops = middleboxes(s);
  if (!hops.length) return null;
  const n = Math.max(1, r.requests);
  const share = (x: number) => `${formatNumber((x / n) * 100, x / n < 0.1 ? 1 : 0)} %`;
  const value = `${formatNumber(r.failedRequests, 0)} failed · ${formatNumber(r.hungRequests, 0)} hung · ${formatNumber(r.staleReuse, 0)} stale of ${formatNumber(r.requests, 0)}`;
  if (r.failedRequests === 0 && r.hungRequests === 0 && r.staleReuse === 0) {
    return { value, verdict: 'good', advice: `No request met a connection the path had closed (${hops.map((h) => `${hopName(h)} after ${sec(h.idleSec)}`).join(', ')}).` };
  }
  const parts: string[] = [];
  const limit = firstIdleLimit(s, s.pool);
  if (r.staleReuse > 0) {
    parts.push(
      `${plural(r.staleReuse, 'request was', 'requests were')} sent on a connection the path had already closed or forgotten (${share(r.staleReuse)})` +
        (limit && s.pool.keepaliveSec >= limit.idleSec ? `: keep-alive ${sec(s.pool.keepaliveSec)} outlasts ${hopName(limit)}’s ${sec(limit.idleSec)}` : ''),
    );
  }
  if (r.hungRequests > 0) parts.push(`${plural(r.hungRequests, 'request', 'requests')} hung until the ${sec(readTimeoutSec(s, s.pool))} read timeout`);
  if (r.retries > 0) parts.push(`${plural(r.retries, 'retry', 'retries')} ${r.retries === 1 ? 'was' : 'were'} made`);
  parts.push(r.failedRequests > 0 ? `${plural(r.failedRequests, 'request')} failed (${share(r.failedRequests)})` : 'none failed');
  // The same fixes the proposal writes: probes where the client can send them, then a keep-alive
  // below whatever hop still ends idle connections first.
  const fixes: string[] = [];
  const probe = proposedTcpKeepaliveSec(s, s.pool);
  if (probe !== undefined) fixes.push(`TCP keep-alive probes every ${sec(probe)}`);
  const limitAfter = probe === undefined ? limit : firstIdleLimit(s, s.pool, probe);
  if (limitAfter && s.pool.keepaliveSec >= limitAfter.idleSec) fixes.push(`a keep-alive below ${sec(limitAfter.idleSec)}`);
  if (r.staleReuse < r.failedRequests + r.hungRequests) fixes.push('streaming responses that stay silent longer than a hop allows');
  const advice = `On this path ${parts.join('; ')}.${fixes.length ? ` Apply the proposal: ${fixes.join(', ')}.` : ''}`;
  return { value, verdict: r.failedRequests > 0 || r.hungRequests > 0 ? 'bad' : 'watch', advice };
}
