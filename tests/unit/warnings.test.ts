import { describe, expect, it } from 'vitest';
import { parseScenario, presetScenario, rateLimitCeiling, scenarioWarnings, type ScenarioInput } from '../../src/core/index.ts';

const warningsFor = (input: Omit<ScenarioInput, 'version'>) => {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return scenarioWarnings(result.scenario).map((w) => `${w.id} @ ${w.field}`);
};

describe('scenarioWarnings', () => {
  it('should raise nothing for the worked example', () => {
    expect(scenarioWarnings(presetScenario('chat-app')!)).toEqual([]);
  });

  it('should warn when keep-alive reaches the server idle timeout', () => {
    expect(warningsFor({ network: { middleboxes: [{ kind: 'server', idleSec: 60 }] }, pool: { keepaliveSec: 120 } })).toContain('stale-shared @ pool.keepaliveSec');
    expect(warningsFor({ network: { middleboxes: [{ kind: 'server', idleSec: 130 }] }, pool: { keepaliveSec: 120 } })).toEqual([]);
  });

  it('should warn when keep-alive reaches the first middlebox that ends idle connections, naming it', () => {
    const messages = (input: Omit<ScenarioInput, 'version'>) => {
      const result = parseScenario({ version: 2, ...input });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return scenarioWarnings(result.scenario).map((w) => w.message);
    };
    expect(messages({ network: { middleboxes: [{ kind: 'aws-alb' }, { kind: 'server', idleSec: 300 }] }, pool: { keepaliveSec: 120 } })).toContain(
      'Keep-alive (120 s) is at or above the 60 s after which the AWS Application Load Balancer closes an idle connection: a request sent as it closes fails. Set it a few seconds below 60 s.',
    );
    expect(messages({ client: 'httpx2', network: { middleboxes: [{ kind: 'aws-nat' }] }, pool: { keepaliveSec: 400 } })).toContain(
      'Keep-alive (400 s) is at or above the 350 s after which the AWS NAT gateway forgets an idle connection: a request sent on one is reset. Set it a few seconds below 350 s.',
    );
    // undici probes after 60 s idle: the NAT never sees its connections idle 350 s.
    expect(messages({ client: 'undici', network: { middleboxes: [{ kind: 'aws-nat' }] }, pool: { keepaliveSec: 400 } }).filter((m) => m.startsWith('Keep-alive'))).toEqual([]);
  });

  it('should warn when the pool is smaller than the mean load', () => {
    expect(warningsFor({ pool: { maxConnections: 20, maxKeepalive: 10 } })).toContain('overload-shared @ pool.maxConnections');
  });

  it('should warn when HTTP/2 streams per connection are below the concurrency', () => {
    expect(warningsFor({ pool: { protocol: 'h2', streamsPerConnection: 10 } })).toContain('h2-streams-shared @ pool.streamsPerConnection');
  });

  it('should warn when streaming and batch traffic share one small pool', () => {
    const classes = [
      { name: 'stream', share: 1, streaming: true, duration: { dist: 'exponential' as const, meanSec: 8 } },
      { name: 'short', share: 1, duration: { dist: 'constant' as const, meanSec: 0.5 } },
    ];
    expect(warningsFor({ workload: { arrival: { kind: 'poisson', perSec: 1 }, classes }, pool: { maxConnections: 10, maxKeepalive: 5 } })).toContain(
      'mixed-shared @ pool.maxConnections',
    );
  });

  it('should not judge keep-alive by one user’s think time (the simulated reuse does that)', () => {
    expect(warningsFor({ pool: { keepaliveSec: 5 } })).toEqual([]);
  });

  it('should say a closed population queues but never say its queue grows without bound', () => {
    const result = parseScenario({ version: 1, pool: { maxConnections: 10, maxKeepalive: 5 } });
    if (!result.ok) throw new Error('invalid');
    const message = scenarioWarnings(result.scenario).find((w) => w.id === 'overload-shared')!.message;
    expect(message).toContain('21.1 in flight');
    expect(message).not.toContain('without bound');
  });

  it('should say an open stream beyond the pool grows without bound', () => {
    const result = parseScenario({ version: 1, workload: { arrival: { kind: 'poisson', perSec: 10 } }, pool: { maxConnections: 10, maxKeepalive: 5 } });
    if (!result.ok) throw new Error('invalid');
    expect(scenarioWarnings(result.scenario).find((w) => w.id === 'overload-shared')!.message).toContain('grows without bound');
  });

  it('should flag a pool sized above the concurrency the rate limit allows, and only then', () => {
    // 30,000 requests/min × 5 s ÷ 60 = 2,500 in flight.
    const classes = [{ name: 'api', share: 1, duration: { dist: 'constant' as const, meanSec: 5 } }];
    const base = { workload: { arrival: { kind: 'poisson' as const, perSec: 1 }, classes }, rateLimit: { requestsPerMinute: 30_000 } };
    expect(warningsFor({ ...base, pool: { maxConnections: 3000, maxKeepalive: 10 } })).toContain('rate-limit @ pool.maxConnections');
    expect(warningsFor({ ...base, pool: { maxConnections: 2000, maxKeepalive: 10 } })).not.toContain('rate-limit @ pool.maxConnections');
  });
});

describe('rateLimitCeiling', () => {
  it('should turn requests per minute into concurrency by Little’s law', () => {
    const result = parseScenario({
      version: 1,
      workload: { classes: [{ name: 'api', share: 1, duration: { dist: 'constant', meanSec: 5 } }] },
      rateLimit: { requestsPerMinute: 30_000 },
    });
    if (!result.ok) throw new Error('invalid');
    expect(rateLimitCeiling(result.scenario)?.concurrency).toBeCloseTo(2500, 6);
  });

  it('should use the token limit when it binds first', () => {
    const result = parseScenario({
      version: 1,
      workload: { classes: [{ name: 'api', share: 1, duration: { dist: 'constant', meanSec: 6 } }] },
      rateLimit: { requestsPerMinute: 30_000, tokensPerMinute: 2_000_000, tokensPerRequest: 2_000 },
    });
    if (!result.ok) throw new Error('invalid');
    const ceiling = rateLimitCeiling(result.scenario)!;
    expect(ceiling.source).toBe('tokens');
    expect(ceiling.concurrency).toBeCloseTo(100, 6); // 1,000 req/min × 6 s ÷ 60
  });
});
