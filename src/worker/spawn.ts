/**
 * Starting a simulation worker (a thread, then fetching and compiling its 180 KB module) competes
 * with the page on two cores: in a Lighthouse trace of the first load, the task that created it and
 * started the first runs took 81 ms of wall time for 12 ms of CPU (11 ms of it waiting in the
 * worker's construction), after the first paint, where it counts as blocking. main.tsx starts the
 * first worker with the page instead, while the browser is still painting; the simulation client
 * takes it over when it needs a worker.
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
