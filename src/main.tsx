import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
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
