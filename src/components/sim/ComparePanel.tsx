import { formatNumber, type ColumnFigures } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { selectCompare } from '../../store/simSelectors.ts';

interface Row {
  key: keyof ColumnFigures;
  label: string;
  format(figures: ColumnFigures): string;
}

const pct = (x: number) => `${formatNumber(x * 100, 1)} %`;
const ROWS: Row[] = [
  { key: 'reuseRate', label: 'Reuse rate', format: (f) => pct(f.reuseRate) },
  { key: 'handshakesPerRequest', label: 'Handshakes per request', format: (f) => formatNumber(f.handshakesPerRequest, 2) },
  { key: 'handshakeMsPerRequest', label: 'Handshake time per request', format: (f) => `${formatNumber(f.handshakeMsPerRequest, 1)} ms` },
  { key: 'meanWaitMs', label: 'Mean wait for a connection', format: (f) => `${formatNumber(f.meanWaitMs, 1)} ms` },
  { key: 'p99WaitMs', label: 'p99 wait for a connection', format: (f) => `${formatNumber(f.p99WaitMs, 0)} ms` },
  { key: 'poolTimeouts', label: 'Pool timeouts', format: (f) => (f.poolTimeouts ? `${formatNumber(f.poolTimeouts, 0)} (${pct(f.poolTimeoutShare)})` : 'none') },
  { key: 'peakConnections', label: 'Peak connections', format: (f) => formatNumber(f.peakConnections, 0) },
];

/** Shown only when the scenario has middleboxes: what the path cost each column, per request. */
const PATH_ROWS: Row[] = [
  { key: 'staleShare', label: 'Sent on a connection the path closed', format: (f) => pct(f.staleShare) },
  { key: 'hungShare', label: 'Hung until the read timeout', format: (f) => pct(f.hungShare) },
  { key: 'retriesPerRequest', label: 'Retries per request', format: (f) => formatNumber(f.retriesPerRequest, 2) },
  { key: 'failedShare', label: 'Failed on the path', format: (f) => pct(f.failedShare) },
];

/** Today (the client's defaults), your pool and the recommendation, on the same simulated traffic. */
export function ComparePanel() {
  const view = useAppStore(selectCompare);
  return (
    <section className="card" aria-labelledby="compare-title" data-testid="compare">
      <h2 id="compare-title">Today, your pool, recommended</h2>
      {view.client ? null : (
        <p className="field__help" data-testid="compare-no-client">
          Choose your HTTP client above to add a column for what its defaults do to this traffic.
        </p>
      )}
      <div className="table-scroll">
        <table className="compare-table">
          <caption className="sr-only">The same simulated traffic under each pool</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {view.columns.map((c) => (
                <th scope="col" key={c.key} data-testid={`compare-head-${c.key}`}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(view.onPath ? [...ROWS, ...PATH_ROWS] : ROWS).map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {view.columns.map((c) => (
                  <td key={c.key} data-testid={`compare-${c.key}-${row.key}`}>
                    {c.figures ? row.format(c.figures) : '…'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {view.differences.length ? (
        <ul className="differences" data-testid="compare-differences">
          {view.differences.map((d) => (
            <li key={`${d.between}-${d.id}`} data-testid={`difference-${d.between === 'today→yours' ? 'today' : 'recommended'}-${d.id}`}>
              {d.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
