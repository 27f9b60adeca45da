/**
 * Set-ups that contradict themselves, found from the scenario and the formula alone (no simulation),
 * so they show the moment a field changes. Each names the field a user should look at.
 */
import { computeFormula } from './formula.ts';
import type { Scenario } from './scenario/schema.ts';

export interface ScenarioWarning {
  id: string;
  field: string;
  message: string;
}

export function scenarioWarnings(s: Scenario): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  const formula = computeFormula(s);
  const pools = [s.pool, ...s.pools];
  const idle = s.network.serverIdleSec;
  pools.forEach((pool, i) => {
    const at = i === 0 ? 'pool' : `pools[${i - 1}]`;
    const load = formula.pools[i]?.inFlight ?? formula.inFlight;
    if (idle !== undefined && pool.keepaliveSec >= idle) {
      warnings.push({
        id: `stale-${pool.name}`,
        field: `${at}.keepaliveSec`,
        message: `Keep-alive (${pool.keepaliveSec} s) is at or above the server’s idle timeout (${idle} s): the client may reuse a connection the server has just closed and get connection-reset errors. Set it a few seconds below ${idle} s.`,
      });
    }
    const capacity = pool.protocol === 'h2' ? pool.maxConnections * pool.streamsPerConnection : pool.maxConnections;
    if (capacity < load) {
      warnings.push({
        id: `overload-${pool.name}`,
        field: `${at}.maxConnections`,
        message: `Pool “${pool.name}” allows ${capacity} requests at once but the mean load is ${load.toFixed(1)} in flight: the queue grows without bound.`,
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
  const a = s.workload.arrival;
  if (a.kind === 'users' && s.pool.keepaliveSec < a.thinkSec) {
    warnings.push({
      id: 'keepalive-short',
      field: 'pool.keepaliveSec',
      message: `Keep-alive (${s.pool.keepaliveSec} s) is shorter than the ${a.thinkSec} s between a user’s requests: most connections close before they are reused, and every request pays the handshake again.`,
    });
  }
  return warnings;
}
