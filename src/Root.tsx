import { StrictMode, useEffect, useRef } from 'react';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';

/** Calls `run` once, after the first commit (StrictMode's second effect pass included). */
function AfterFirstCommit({ run }: { run: () => void }) {
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    run();
  }, [run]);
  return null;
}

/**
 * The whole page, as rendered to HTML at build time (prerender.tsx) and in the browser (boot.tsx):
 * one tree for both, so the browser can adopt the static copy instead of redrawing it.
 */
export function Root({ onFirstCommit }: { onFirstCommit?: () => void }) {
  return (
    <StrictMode>
      <ErrorBoundary>
        <App />
        {onFirstCommit ? <AfterFirstCommit run={onFirstCommit} /> : null}
      </ErrorBoundary>
    </StrictMode>
  );
}
