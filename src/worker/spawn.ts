/**
 * Starting a simulation worker (a thread, then fetching and compiling its 180 KB module) kept the
 * page's main thread waiting: in a Lighthouse trace of the first load on two cores, the task that
 * created it took 81 ms of wall time for 12 ms of CPU, and that task came after the first paint,
 * where it counts as blocking. main.tsx starts the first worker with the page instead, while the
 * browser is still busy painting; the simulation client takes it over when it needs a worker.
 */
let spare: Worker | null = null;

function spawnSimulationWorker(): Worker {
  return new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
}

/** Starts one worker now, for the simulation client to take over later. */
export function prestartSimulationWorker(): void {
  if (typeof Worker !== 'undefined') spare ??= spawnSimulationWorker();
}

/** The prestarted worker if there is one, else a new one. */
export function takeSimulationWorker(): Worker {
  const worker = spare ?? spawnSimulationWorker();
  spare = null;
  return worker;
}
