/**
 * "Use as my pool" on the page: an audited client written into the scenario even when the code
 * leaves some fields to run time. Those are never guessed: the current scenario's value stays, and
 * the caller is told which ones, so the user knows what the simulation still assumes.
 * Imports no grammar: the page's main thread uses it, the parsers stay in the audit worker.
 */
import { formatErrors, parseScenario } from '../scenario/parse.ts';
import type { Scenario } from '../scenario/schema.ts';
import { auditedScenario } from './scenario.ts';
import type { AuditClient, AuditPool } from './types.ts';

export type Adopted = { ok: true; scenario: Scenario; kept: string[] } | { ok: false; reason: string };

const secs = (v: number | undefined) => (v === undefined ? 'none' : `${v} s`);

/** The audited pool with each unknown field replaced by the scenario's own, and a sentence per replacement. */
export function fillUnknown(pool: AuditPool, current: Scenario['pool']): { pool: AuditPool; kept: string[] } {
  const kept: string[] = [];
  const next = { ...pool };
  if (pool.maxConnections === 'unknown') {
    next.maxConnections = current.maxConnections;
    kept.push(`max connections ${current.maxConnections}`);
  }
  if (pool.maxKeepalive === 'unknown') {
    next.maxKeepalive = current.maxKeepalive;
    kept.push(`max idle kept ${current.maxKeepalive}`);
  }
  if (pool.keepaliveSec === 'unknown') {
    next.keepaliveSec = current.keepaliveSec;
    kept.push(`keep-alive expiry ${current.keepaliveSec} s`);
  }
  if (pool.poolTimeoutSec === 'unknown') {
    next.poolTimeoutSec = current.poolTimeoutSec ?? null;
    kept.push(`pool timeout ${secs(current.poolTimeoutSec)}`);
  }
  if (pool.protocol === 'unknown') {
    next.protocol = current.protocol;
    kept.push(`protocol ${current.protocol === 'h2' ? 'HTTP/2' : 'HTTP/1.1'}`);
  }
  if (pool.perHost === 'unknown') {
    // The scenario has one API host and no per-host field of its own: nothing to keep, so no cap is added.
    next.perHost = null;
    kept.push('no per-host cap');
  }
  return { pool: next, kept };
}

export function adoptAudited(s: Scenario, client: AuditClient): Adopted {
  const first = client.pools[0];
  if (!first) return { ok: false, reason: 'the code fails before it builds a pool, so there is none to use' };
  const { pool, kept } = fillUnknown(first, s.pool);
  const next = auditedScenario(s, { ...client, pools: [pool] });
  if (typeof next === 'string') return { ok: false, reason: next };
  const checked = parseScenario(next);
  if (!checked.ok) return { ok: false, reason: `the pool is not a valid scenario: ${formatErrors(checked.errors)}` };
  return { ok: true, scenario: checked.scenario, kept };
}
