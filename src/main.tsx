// First: configures zod before any other module parses with it.
import './zodCsp.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { useAppStore } from './store/index.ts';
import { startPersistence } from './store/persistence.ts';
import { startSimulationSync } from './store/simulationController.ts';
import './styles.css';

// Restore first (link or saved state), so the first simulation runs on what the user will see.
startPersistence();
startSimulationSync();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

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
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => console.warn('Offline support is unavailable:', error));
  });
}
