/** The four standard benchmark scenarios (bench/run.ts, bench/compare.ts). */
import { parseScenario, type Scenario, type ScenarioInput } from '../src/core/index.ts';

function scenario(input: Omit<ScenarioInput, 'version'>): Scenario {
  const result = parseScenario({ version: 1, ...input });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.scenario;
}

const chat = [{ name: 'chat', share: 1, streaming: true, duration: { dist: 'exponential' as const, meanSec: 8 } }];
export const BENCHES: [string, Scenario][] = [
  [
    'open h1, handshakes + keep-alive',
    scenario({
      workload: { arrival: { kind: 'poisson', perSec: 3.3 }, classes: chat },
      pool: { maxConnections: 30, maxKeepalive: 15, keepaliveSec: 120 },
      sim: { requests: 2_000_000 },
    }),
  ],
  ['closed users (chat app)', scenario({ sim: { requests: 2_000_000 } })],
  [
    'h2, 100 streams per connection',
    scenario({
      workload: { arrival: { kind: 'poisson', perSec: 30 }, classes: [{ name: 'api', share: 1, duration: { dist: 'lognormal', meanSec: 0.8, p95Sec: 2 } }] },
      pool: { protocol: 'h2', maxConnections: 30, maxKeepalive: 15 },
      sim: { requests: 2_000_000 },
    }),
  ],
  [
    'two pools (streaming + batch)',
    scenario({
      workload: {
        arrival: { kind: 'poisson', perSec: 100 },
        classes: [
          { name: 'batch', share: 0.9, duration: { dist: 'lognormal', meanSec: 0.5, p95Sec: 1.2 } },
          { name: 'stream', share: 0.1, streaming: true, duration: { dist: 'exponential', meanSec: 3 }, pool: 'streaming' },
        ],
      },
      pool: { name: 'batch', maxConnections: 80, maxKeepalive: 40, keepaliveSec: 60 },
      pools: [{ name: 'streaming', maxConnections: 40, maxKeepalive: 10 }],
      sim: { requests: 2_000_000 },
    }),
  ],
];

