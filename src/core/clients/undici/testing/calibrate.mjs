// Calibration driver for the undici snippets: loads ./pool.mjs (the project's snippet, unchanged)
// and runs the workload given as JSON in argv[2]; prints one JSON array of
// { id, t0, t1, status } (wall-clock ms) when done. Bounded by the request count.
import { closePools, postJson } from './pool.mjs';

const cfg = JSON.parse(process.argv[2]);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((done) => setTimeout(done, Math.max(0, ms)));
const exponential = (mean) => -mean * Math.log(1 - Math.random());
const records = [];
let issued = 0;

async function one() {
  const id = issued++;
  const t0 = now();
  let status = -1;
  try {
    const res = await postJson('/v1/messages', { id });
    await res.text();
    status = res.status;
  } catch {
    status = -1;
  }
  records.push({ id, t0, t1: now(), status });
}

if (cfg.kind === 'users') {
  const think = () => (cfg.thinkDist === 'constant' ? cfg.thinkSec : exponential(cfg.thinkSec)) * 1000;
  await Promise.all(
    Array.from({ length: cfg.users }, async () => {
      // Users start spread over one think time, as in the simulator.
      await sleep(cfg.thinkDist === 'constant' ? Math.random() * cfg.thinkSec * 1000 : think());
      while (issued < cfg.requests) {
        await one();
        await sleep(think());
      }
    }),
  );
} else {
  const pending = [];
  let t = now();
  for (let i = 0; i < cfg.requests; i++) {
    t += exponential(1000 / cfg.perSec);
    await sleep(t - now());
    pending.push(one());
  }
  await Promise.all(pending);
}
await closePools();
process.stdout.write(JSON.stringify(records));
