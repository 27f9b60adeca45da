/**
 * Offline support, in built pages only (the dev server's modules change under the same names).
 * A new build's worker takes over by itself; the page says so, since its running code is the old one.
 */
import { whenIdle } from './nextTask.ts';
import { useAppStore } from './store/index.ts';

/** Longest wait for the first simulations before offline support is set up anyway. */
const SETTLE_CAP_MS = 15_000;

/**
 * Installing the worker fetches and stores every built file. Started with the page, it competed
 * with hydration and the first simulations for the CPU (about 200 ms of its own thread in a trace
 * of the first load on two cores), so it waits until the first round of simulations has settled
 * and the browser is idle. Offline use needs one completed load either way.
 */
function whenSettled(): Promise<void> {
  return new Promise((resolve) => {
    const settled = () => ['done', 'error'].includes(useAppStore.getState().simStatus);
    if (settled()) return resolve();
    const finish = () => {
      unsubscribe();
      clearTimeout(cap);
      resolve();
    };
    const unsubscribe = useAppStore.subscribe(() => settled() && finish());
    const cap = setTimeout(finish, SETTLE_CAP_MS);
  });
}

export function registerOfflineSupport(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // The first worker taking control of a fresh page changes nothing the user sees; any later one does.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) useAppStore.getState().addNotice('info', 'A new version of pool-sizer is ready: reload the page to use it (your scenario is kept).');
    controlled = true;
  });
  void whenSettled()
    .then(() => whenIdle(2000))
    .then(() => navigator.serviceWorker.register('/sw.js'))
    .catch((error: unknown) => console.warn('Offline support is unavailable:', error));
}
