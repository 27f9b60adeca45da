/**
 * The split engine against the engine before the split, back to back on the same machine:
 *   npx tsx bench/compare.ts [rounds]
 * Runs alternate (before, after, before, after, …) so shared-machine noise hits both alike; the
 * best of the rounds is reported for each. Temporary: deleted with bench/engine-before.ts.
 */
import { cpus } from 'node:os';
import { simulate } from '../src/core/index.ts';
import { simulate as simulateBefore } from './engine-before.ts';
import { BENCHES } from './scenarios.ts';

const rounds = Number(process.argv[2] ?? 5);
console.log(`before/after split — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, best of ${rounds} alternating rounds`);
console.log('scenario'.padEnd(36), 'before ms'.padStart(10), 'after ms'.padStart(10), 'after/before speed'.padStart(20));
const only = process.argv[3];
for (const [name, s] of BENCHES.filter(([n]) => !only || n.includes(only))) {
  const warm = { ...s, sim: { ...s.sim, requests: 200_000 } };
  simulateBefore(warm);
  simulate(warm);
  let before = Infinity;
  let after = Infinity;
  for (let i = 0; i < rounds; i++) {
    let start = performance.now();
    simulateBefore(s);
    before = Math.min(before, performance.now() - start);
    start = performance.now();
    simulate(s);
    after = Math.min(after, performance.now() - start);
  }
  console.log(name.padEnd(36), before.toFixed(0).padStart(10), after.toFixed(0).padStart(10), `${((before / after) * 100).toFixed(1)} %`.padStart(20));
}
