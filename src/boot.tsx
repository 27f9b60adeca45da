/**
 * The live app, loaded by main.tsx once the static first screen is on display: evaluating these
 * modules and rendering the page is the page's largest piece of main-thread work.
 *
 * A first visit (no link, nothing saved) adopts the static copy: React hydrates it in the state it
 * was rendered in (the default scenario, no simulation yet), in a transition so the work is sliced
 * into short tasks, and only then restores state and starts the simulations. Anything else (a link,
 * a saved scenario or colour scheme) renders afresh over the hidden copy.
 */
import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { nextTask } from './nextTask.ts';
import { Root } from './Root.tsx';
import { readTheme } from './components/theme/theme.ts';
import { useAppStore } from './store/index.ts';
import { startPersistence } from './store/persistence.ts';
import { startSimulationSync } from './store/simulationController.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const staticCopy = root.querySelector(':scope > [data-prerendered]');
const pristine = staticCopy !== null && !('restoring' in document.documentElement.dataset) && readTheme() === 'system';

// Restore first (link or saved state), so the first simulation runs on what the user will see.
const start = async () => {
  startPersistence();
  await nextTask();
  startSimulationSync();
};

if (pristine) {
  const adopted = () => {
    staticCopy.removeAttribute('inert');
    staticCopy.removeAttribute('data-prerendered');
    void nextTask().then(start);
  };
  startTransition(() => {
    hydrateRoot(root, <Root onFirstCommit={adopted} />);
  });
} else {
  void start();
  // A transition: React renders the page in slices of a few milliseconds rather than one long task.
  startTransition(() => {
    createRoot(root).render(<Root />);
  });
}

/**
 * Offline support, in built pages only (the dev server's modules change under the same names).
 * A new build's worker takes over by itself; the page says so, since its running code is the old one.
 */
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  // The first worker taking control of a fresh page changes nothing the user sees; any later one does.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) useAppStore.getState().addNotice('info', 'A new version of pool-sizer is ready: reload the page to use it (your scenario is kept).');
    controlled = true;
  });
  const register = () => navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('Offline support is unavailable:', error));
  // This module loads after the first paint, often after the load event.
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register());
}
