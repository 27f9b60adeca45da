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
