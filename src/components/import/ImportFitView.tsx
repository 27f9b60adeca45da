import type { TrafficFit } from '../../core/import/index.ts';

const fmt = (n: number) => Number(n.toPrecision(3)).toLocaleString('en-US');

function describeArrival(fit: TrafficFit['arrival']): string {
  const a = fit.arrival;
  if (a.kind === 'poisson') return `Poisson, ${fmt(a.perSec)} requests/s`;
  if (a.kind === 'bursty') return `Bursts of ${fmt(a.perSec)} requests/s for ${fmt(a.onSec)} s, then ${fmt(a.offSec)} s of silence`;
  return `${fmt(a.users)} users, ${fmt(a.thinkSec)} s think time`;
}

/** The fitted model, each part with the figures it came from and how well it fits. */
export function ImportFitView({ fit }: { fit: TrafficFit }) {
  return (
    <div className="import-fit" data-testid="import-fit">
      <h3>The fit</h3>
      <p>
        <strong data-testid="import-fit-arrival">{describeArrival(fit.arrival)}</strong> (long-run <span data-testid="import-fit-rate">{fmt(fit.arrival.ratePerSec)}</span> requests/s). {fit.arrival.why}.
      </p>
      <p className="field__help">
        From: {Object.entries(fit.arrival.from).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}. Fit: {fit.arrival.goodness.figure} {fit.arrival.goodness.value} — {fit.arrival.goodness.meaning}.
      </p>
      <ul>
        {fit.classes.map((c) => (
          <li key={c.name}>
            {c.name}: {c.duration.dist} mean {fmt(c.duration.meanSec)} s{c.duration.dist === 'lognormal' ? `, p95 ${fmt(c.duration.p95Sec)} s` : ''} from {c.from.requests.toLocaleString('en-US')} requests (sample mean {fmt(c.from.meanSec)} s, p95{' '}
            {fmt(c.from.p95Sec)} s); KS distance {c.ks}
            {c.note ? ` — ${c.note}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
