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
import { nextTask, whenIdle } from './nextTask.ts';
import { Root } from './Root.tsx';
import { readTheme } from './components/theme/theme.ts';
import { registerOfflineSupport } from './registerOffline.ts';
import { useAppStore } from './store/index.ts';
import { startPersistence } from './store/persistence.ts';
import { startSimulationSync } from './store/simulationController.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const staticCopy = root.querySelector(':scope > [data-prerendered]');
const pristine = staticCopy !== null && !('restoring' in document.documentElement.dataset) && readTheme() === 'system';

/** Longest wait for an idle main thread before the first simulations start anyway. */
const SIMULATION_IDLE_WAIT_MS = 1000;

// Restore first (link or saved state), so the first simulation runs on what the user will see.
// The simulations then wait for the page to finish its first render: on two cores a running worker
// left the render's tasks 3–6× longer in wall time than in CPU time (Lighthouse traces), while the
// first verdict appeared no later (1.6–1.7 s after navigation either way, five loads each).
const start = async () => {
  startPersistence();
  await whenIdle(SIMULATION_IDLE_WAIT_MS);
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

registerOfflineSupport();
