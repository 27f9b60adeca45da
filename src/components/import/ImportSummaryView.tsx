import type { ImportSummary } from '../../core/import/index.ts';
import { MiniBars } from './MiniBars.tsx';

const fmt = (n: number, digits = 3) => Number(n.toPrecision(digits)).toLocaleString('en-US');

/** What was read: counts, what was left out and why, the origin chosen, the rate over time and each class's durations. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const mean = summary.classes.reduce((s, c) => s + c.meanSec * c.requests, 0) / Math.max(summary.kept, 1);
  return (
    <div className="import-summary" data-testid="import-summary">
      <h3>What was read</h3>
      <ul>
        <li>
          <span data-testid="import-kept">{summary.kept.toLocaleString('en-US')}</span> API calls kept of {summary.requests.toLocaleString('en-US')} calls in{' '}
          {summary.records.toLocaleString('en-US')} {summary.format === 'otlp' ? 'spans' : summary.format === 'har' ? 'entries' : 'rows'}
        </li>
        <li>
          Origin: <code>{summary.origin ?? 'any'}</code> — {summary.why}
        </li>
        {summary.dropped.length > 0 && <li>Left out: {summary.dropped.map((d) => `${d.count.toLocaleString('en-US')} ${d.reason}`).join(', ')}</li>}
        <li>
          Over {fmt(summary.spanSec)} s{summary.firstStart ? ` from ${summary.firstStart}` : ''}: {fmt(summary.ratePerSec)} requests/s, mean duration{' '}
          <span data-testid="import-mean">{fmt(mean, 4)}</span> s
        </li>
        {summary.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      <p className="field__help">Requests per second, every {summary.rateOverTime.binSec} s</p>
      <MiniBars values={summary.rateOverTime.perSec} label={`Rate over time: ${summary.rateOverTime.perSec.join(', ')} requests/s`} />
      <table className="import-classes">
        <caption>Durations per class (s)</caption>
        <thead>
          <tr>
            <th scope="col">class</th>
            <th scope="col">requests</th>
            <th scope="col">mean</th>
            <th scope="col">p50</th>
            <th scope="col">p95</th>
            <th scope="col">max</th>
            <th scope="col">histogram</th>
          </tr>
        </thead>
        <tbody>
          {summary.classes.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                {c.name}
                {c.streaming ? ' (streamed)' : ''}
              </th>
              <td>{c.requests.toLocaleString('en-US')}</td>
              <td>{fmt(c.meanSec)}</td>
              <td>{fmt(c.p50Sec)}</td>
              <td>{fmt(c.p95Sec)}</td>
              <td>{fmt(c.maxSec)}</td>
              <td>
                <MiniBars values={c.histogram.counts} label={`Durations from ${c.histogram.edgesSec[0]} s to ${c.histogram.edgesSec[c.histogram.edgesSec.length - 1]} s: ${c.histogram.counts.join(', ')}`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
