import { formatNumber, plural } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { selectMonitor } from '../../store/simSelectors.ts';

export function MonitorPanel() {
  const figures = useAppStore(selectMonitor);
  const saved = useAppStore((s) => s.simResult?.unpooled.savedMs ?? null);
  const handshakes = useAppStore((s) => s.simResult?.newConnections ?? null);
  const requests = useAppStore((s) => s.simResult?.requests ?? null);
  if (!figures.length) return null;
  return (
    <section className="card" aria-labelledby="monitor-title" data-testid="monitor">
      <h2 id="monitor-title">What to watch in production</h2>
      <ul className="monitor">
        {figures.map((f) => (
          <li key={f.key} className={`monitor__item monitor__item--${f.verdict}`} data-testid={`monitor-${f.key}`} data-verdict={f.verdict}>
            <span className="monitor__label">{f.label}</span>
            <span className="monitor__value">{f.value}</span>
            <span className="monitor__verdict">{f.verdict === 'good' ? '✓ Good' : f.verdict === 'watch' ? '• Watch' : '✗ Act'}</span>
            <span className="monitor__advice">{f.advice}</span>
          </li>
        ))}
      </ul>
      {saved !== null ? (
        <p data-testid="handshake-saved">
          Pooling saves <strong>{formatNumber(saved / 1000, 1)} s</strong> of handshakes over the {plural(requests ?? 0, 'simulated request')} ({plural(handshakes ?? 0, 'new connection')}{' '}
          instead of one per request).
        </p>
      ) : null}
    </section>
  );
}
