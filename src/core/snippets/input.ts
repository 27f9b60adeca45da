/**
 * What every generator reads: the scenario's endpoint, and one sizing per pool — the formula's, or
 * the target-based recommendation for the main pool when the user picked it.
 */
import { computeFormula } from '../formula.ts';
import { lognormalParams } from '../scenario/durations.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface PoolSizing {
  name: string;
  protocol: 'h1' | 'h2';
  maxConnections: number;
  maxKeepalive: number;
  keepaliveSec: number;
  streamsPerConnection: number;
  /** Classes routed here, for comments. */
  classes: string[];
  streaming: boolean;
}

export interface SizingChoice {
  source: 'formula' | 'target';
  maxConnections: number;
  maxKeepalive: number;
  keepaliveSec: number;
}

export interface SnippetInput {
  scenario: Scenario;
  pools: PoolSizing[];
  source: 'formula' | 'target';
  shareUrl?: string | undefined;
  /** Longest plausible response (about the p99 of the slowest class), seconds. */
  longestResponseSec: number;
  /** Read / body / headers timeout, seconds: generous over the longest response, so streams never hit it. */
  readTimeoutSec: number;
  connectTimeoutSec: number;
  poolTimeoutSec: number;
  /** Header scheme of the API: Anthropic's x-api-key or OpenAI-style bearer tokens. */
  auth: 'anthropic' | 'bearer';
}

function p99Sec(d: Scenario['workload']['classes'][number]['duration']): number {
  if (d.dist === 'constant') return d.meanSec;
  if (d.dist === 'exponential') return d.meanSec * Math.log(100);
  const p = lognormalParams(d.meanSec, d.p95Sec);
  return p ? Math.exp(p.mu + 2.3263478740408408 * p.sigma) : d.p95Sec * 2;
}

export function buildSnippetInput(scenario: Scenario, choice?: SizingChoice, shareUrl?: string): SnippetInput {
  const formula = computeFormula(scenario);
  const settings = [scenario.pool, ...scenario.pools];
  const pools: PoolSizing[] = settings.map((p, i) => {
    const sized = formula.pools[i] ?? formula;
    const useTarget = i === 0 && choice?.source === 'target';
    const routed = scenario.workload.classes.filter((c) => (c.pool ?? scenario.pool.name) === p.name);
    return {
      name: p.name,
      protocol: p.protocol,
      maxConnections: useTarget ? choice.maxConnections : sized.maxConnections,
      maxKeepalive: useTarget ? choice.maxKeepalive : sized.maxKeepalive,
      keepaliveSec: useTarget ? choice.keepaliveSec : p.keepaliveSec,
      streamsPerConnection: p.streamsPerConnection,
      classes: routed.map((c) => c.name),
      streaming: routed.some((c) => c.streaming),
    };
  });
  const longest = Math.max(...scenario.workload.classes.map((c) => p99Sec(c.duration)));
  const rttSec = scenario.network.rttMs / 1000;
  const auth = /openai/i.test(scenario.endpoint.baseUrl) || /OPENAI/.test(scenario.endpoint.apiKeyEnv) ? 'bearer' : 'anthropic';
  return {
    scenario,
    pools,
    source: choice?.source ?? 'formula',
    shareUrl,
    longestResponseSec: longest,
    readTimeoutSec: Math.max(300, Math.ceil(longest * 3)),
    connectTimeoutSec: Math.max(10, Math.ceil(rttSec * 20)),
    poolTimeoutSec: scenario.pool.poolTimeoutSec ?? 60,
    auth,
  };
}

export function describeSource(input: SnippetInput): string {
  return input.source === 'target' ? 'the smallest pool meeting the target in simulation' : 'the formula (peak × response ÷ interval + headroom)';
}
