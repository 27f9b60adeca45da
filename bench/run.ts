/**
 * Simulator throughput: simulated requests per second of wall time on one core.
 *   npm run bench
 * Each scenario runs once to warm the JIT, then three times; the best run is reported.
 */
import { cpus } from 'node:os';
import { simulate } from '../src/core/index.ts';
import { BENCHES as benches } from './scenarios.ts';

console.log(`pool-sizer simulator benchmark — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores (one used)`);
console.log('scenario'.padEnd(36), 'requests'.padStart(10), 'best ms'.padStart(9), 'M req/s'.padStart(9), 'events/req'.padStart(11));
for (const [name, s] of benches) {
  simulate({ ...s, sim: { ...s.sim, requests: 200_000 } });
  let best = Infinity;
  let events = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const result = simulate(s);
    best = Math.min(best, performance.now() - start);
    events = result.events;
  }
  const rate = s.sim.requests / (best / 1000) / 1e6;
  console.log(name.padEnd(36), String(s.sim.requests).padStart(10), best.toFixed(0).padStart(9), rate.toFixed(2).padStart(9), (events / s.sim.requests).toFixed(2).padStart(11));
}
