import { formatNumber } from '../core/index.ts';
import { useAppStore } from '../store/index.ts';
import { selectFormula } from '../store/selectors.ts';

function Figure({ label, value, unit, testId }: { label: string; value: string; unit: string; testId: string }) {
  return (
    <div className="figure">
      <div className="figure__label">{label}</div>
      <div className="figure__value" data-testid={testId}>
        {value}
      </div>
      <div className="figure__unit">{unit}</div>
    </div>
  );
}

/**
 * The formula divides by the think time alone; users who wait for each reply send nothing while
 * they wait, so the exact mean is users × R ÷ (R + think). Both sit beside the simulated mean, so the
 * difference is explained rather than hidden.
 */
function ExactMean({ formula, exact }: { formula: number; exact: number }) {
  const simulated = useAppStore((s) => s.simResult?.meanInSystem ?? null);
  const arrival = useAppStore((s) => s.scenario.workload.arrival);
  const meanSec = useAppStore((s) => selectFormula(s).meanResponseSec);
  if (arrival.kind !== 'users') return null;
  return (
    <p className="field__help" data-testid="exact-mean">
      The formula’s {formatNumber(formula, 1)} in flight counts each user every {formatNumber(arrival.thinkSec, 1)} s; users who wait for each reply ask every{' '}
      {formatNumber(arrival.thinkSec + meanSec, 1)} s, so the exact mean is {formatNumber(arrival.users, 0)} × {formatNumber(meanSec, 2)} ÷ ({formatNumber(meanSec, 2)} +{' '}
      {formatNumber(arrival.thinkSec, 2)}) = <strong data-testid="exact-mean-value">{formatNumber(exact, 1)}</strong>
      {simulated !== null ? (
        <>
          {' '}
          and the simulation of your pool measures <strong data-testid="simulated-mean-value">{formatNumber(simulated, 1)}</strong> (queued requests included)
        </>
      ) : null}
      . The formula errs on the side of a larger pool.
    </p>
  );
}

export function FormulaPanel() {
  const result = useAppStore(selectFormula);
  const hasErrors = useAppStore((s) => Object.keys(s.fieldErrors).length > 0);
  return (
    <section className="card" aria-labelledby="formula-title" aria-live="polite">
      <h2 id="formula-title">Formula: pool = peak × response ÷ interval</h2>
      {hasErrors ? (
        <p className="stale-note" data-testid="stale-note">
          Showing the last valid result: fix the highlighted field to update it.
        </p>
      ) : null}
      <div className="figures">
        <Figure label="Pool size" value={String(result.poolSize)} unit="connections" testId="result-poolSize" />
        <Figure label="max_connections" value={String(result.maxConnections)} unit="connections" testId="result-maxConnections" />
        <Figure label="max_keepalive" value={String(result.maxKeepalive)} unit="idle connections" testId="result-maxKeepalive" />
        <Figure label="Keep-alive expiry" value={formatNumber(result.keepaliveSec, 1)} unit="seconds" testId="result-keepaliveSec" />
        {result.h2Connections !== null ? (
          <Figure label="HTTP/2 sockets" value={String(result.h2Connections)} unit={`for ${result.poolSize} streams`} testId="result-h2Connections" />
        ) : null}
      </div>
      {result.closedMeanInFlight !== null ? <ExactMean formula={result.inFlight} exact={result.closedMeanInFlight} /> : null}
      <ol className="steps" data-testid="formula-steps">
        {result.steps.map((step) => (
          <li key={step.key} data-testid={`step-${step.key}`}>
            <span className="steps__label">{step.label}</span>
            <code className="steps__math">
              {step.expression} = <strong>{formatNumber(step.value, 1)}</strong> {step.unit}
            </code>
          </li>
        ))}
      </ol>
      {result.pools.length > 1 ? (
        <table className="pools-table" data-testid="pools-table">
          <caption>Per pool (each carries only the classes routed to it)</caption>
          <thead>
            <tr>
              <th scope="col">Pool</th>
              <th scope="col">In flight</th>
              <th scope="col">max_connections</th>
              <th scope="col">max_keepalive</th>
            </tr>
          </thead>
          <tbody>
            {result.pools.map((p) => (
              <tr key={p.pool}>
                <th scope="row">{p.pool}</th>
                <td>{formatNumber(p.inFlight, 1)}</td>
                <td>{p.maxConnections}</td>
                <td>{p.maxKeepalive}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
