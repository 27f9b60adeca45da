/**
 * The verdicts beside the simulated pool ("what to watch in production"). Each is judged against
 * the user's own target and explained by the simulated numbers, never by a rule of thumb the
 * numbers beside it contradict: a pool meeting the target is shown as meeting it, and keep-alive
 * advice comes from how the simulated connections closed, not from one user's think time.
 */
import { findClient } from './clients/registry.ts';
import { formatNumber } from './format.ts';
import { describeTarget, meetsTarget, targetValue } from './recommend/target.ts';
import type { Scenario } from './scenario/schema.ts';
import type { SimResult } from './sim/types.ts';
import { pathVerdict } from './path/verdict.ts';

export type VerdictLevel = 'good' | 'watch' | 'bad';

export interface Verdict {
  key: 'reuse' | 'peak' | 'wait' | 'path';
  label: string;
  value: string;
  verdict: VerdictLevel;
  advice: string;
}

/** The reuse rate to aim for: below it, handshakes show up in tail latency. */
export const REUSE_GOAL = 0.85;

function reuseAdvice(s: Scenario, r: SimResult): string {
  if (r.reuseRate >= REUSE_GOAL) return `Above the ${REUSE_GOAL * 100} % to aim for: most requests skip the handshake.`;
  const pools = [s.pool, ...s.pools];
  const capped = pools.find((p) => p.maxKeepalive < p.maxConnections);
  const client = findClient(s.client);
  if (client?.keepsAllWarm && capped) {
    return `Below ${REUSE_GOAL * 100} %: ${client.label} closes idle connections while all open ones exceed max_keepalive (${capped.maxKeepalive}); set it equal to max connections (${capped.maxConnections}).`;
  }
  const closed = r.clientClosed + r.serverClosed;
  if (closed > 0 && r.expiredIdle >= closed / 2) {
    return `Below ${REUSE_GOAL * 100} %: most connections closed after sitting idle ${formatNumber(s.pool.keepaliveSec, 1)} s (keep-alive expiry) before a request came for them; a longer keep-alive keeps them.`;
  }
  if (capped && closed > 0) {
    return `Below ${REUSE_GOAL * 100} %: connections close when a request ends with ${capped.maxKeepalive} already idle; keep more idle connections (max idle kept).`;
  }
  return `Below ${REUSE_GOAL * 100} %: most requests open a new connection.`;
}

export function poolVerdicts(s: Scenario, r: SimResult): Verdict[] {
  const cap = r.pools.reduce((sum, p) => sum + p.maxConnections, 0);
  const peak = r.peakActive;
  const wait = r.queueWaitMs;
  const meets = meetsTarget(r, s.target);
  const goal = describeTarget(s.target);
  const achieved = s.target.metric === 'pWait' ? `${formatNumber(targetValue(r, s.target) * 100, 1)} % waited` : `p99 wait ${formatNumber(wait.p99, 0)} ms`;
  const timeouts = r.poolTimeouts > 0 ? ` ${formatNumber(r.poolTimeouts, 0)} request${r.poolTimeouts === 1 ? '' : 's'} failed with a pool timeout.` : '';
  const path = pathVerdict(s, r);
  return [
    {
      key: 'reuse',
      label: 'Reuse rate',
      value: `${formatNumber(r.reuseRate * 100, 1)} %`,
      verdict: r.reuseRate >= REUSE_GOAL ? 'good' : r.reuseRate >= 0.6 ? 'watch' : 'bad',
      advice: reuseAdvice(s, r),
    },
    {
      key: 'peak',
      label: 'Peak active connections',
      value: `${formatNumber(peak, 0)} of ${formatNumber(cap, 0)}`,
      verdict: peak < cap ? 'good' : meets ? 'watch' : 'bad',
      advice:
        peak < cap
          ? 'Stays below the pool’s max: there is room for bursts.'
          : meets
            ? `Reaches the pool’s max at peaks, and waiting still meets your target (${goal}): the pool is as small as it can be.`
            : `Reaches the pool’s max and misses your target (${goal}): requests queue at peaks.`,
    },
    {
      key: 'wait',
      label: 'Queue wait (p99 / mean)',
      value: `${formatNumber(wait.p99, 0)} ms / ${formatNumber(wait.mean, 1)} ms`,
      verdict: meets && r.poolTimeouts === 0 ? 'good' : 'bad',
      advice:
        wait.max <= 0
          ? `No request waited for a connection.${timeouts}`
          : meets
            ? `Meets your target (${goal}): ${achieved}.${timeouts}`
            : `Misses your target (${goal}): ${achieved}; apply the target-based size or raise max connections.${timeouts}`,
    },
    ...(path ? [{ key: 'path' as const, label: 'The path (idle limits)', ...path }] : []),
  ];
}
