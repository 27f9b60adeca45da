import { useAppStore } from '../../store/index.ts';
import { selectRunSizeSentence } from '../../store/simSelectors.ts';

export function SimStatus() {
  const status = useAppStore((s) => s.simStatus);
  const progress = useAppStore((s) => s.simProgress);
  const error = useAppStore((s) => s.simError);
  const runId = useAppStore((s) => s.simResultRunId);
  const latestRunId = useAppStore((s) => s.simRunId);
  const pending = useAppStore((s) => s.pendingAnalyses);
  const unanswered = useAppStore((s) => s.unansweredAnalyses);
  const mainReady = runId === latestRunId;
  const runSize = useAppStore(selectRunSizeSentence);
  return (
    <div className="sim-status" data-testid="sim-status" data-status={status} data-run-id={runId} data-latest-run-id={latestRunId} data-unanswered={unanswered}>
      {status === 'running' && !mainReady ? (
        <p>
          Simulating your pool… <progress max={1} value={progress} aria-label="Simulation progress" /> {Math.round(progress * 100)} %
        </p>
      ) : null}
      {status === 'running' && mainReady && pending > 0 ? (
        <p data-testid="sim-pending">
          Your pool’s result is in; {pending === 1 ? '1 more analysis' : `${pending} more analyses`} (sweeps, target search, comparison) still going
          {pending > unanswered ? `, ${pending - unanswered} of them refining a first answer` : ''}…
        </p>
      ) : null}
      {status === 'error' && error ? (
        <p className="sim-status__error" role="alert" data-testid="sim-error">
          The simulation could not run: {error}. The figures below are from the last run that worked.
        </p>
      ) : null}
      {runSize ? (
        <p className="field__help">
          {runSize} The CLI (<code>npx pool-sizer simulate</code>) gives the same numbers for the same seed.
        </p>
      ) : null}
    </div>
  );
}
