import { describe, expect, it } from 'vitest';
import { parseScenario, presetScenario, scenarioWarnings, type ScenarioInput } from '../../src/core/index.ts';

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
    expect(warningsFor({ network: { serverIdleSec: 60 }, pool: { keepaliveSec: 120 } })).toContain('stale-shared @ pool.keepaliveSec');
    expect(warningsFor({ network: { serverIdleSec: 130 }, pool: { keepaliveSec: 120 } })).toEqual([]);
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

  it('should warn when keep-alive is shorter than a user’s think time', () => {
    expect(warningsFor({ pool: { keepaliveSec: 10 } })).toContain('keepalive-short @ pool.keepaliveSec');
  });
});
