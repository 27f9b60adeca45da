import { answerSentence } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { selectFormula } from '../../store/selectors.ts';
import { selectMonitor } from '../../store/simSelectors.ts';

const VERDICT_WORDS = { good: '✓ Good', watch: '• Watch', bad: '✗ Act' } as const;

/**
 * The answer first: the sizes to configure and the simulation's verdict, in one compact card at
 * the top of the page, so a phone shows it on the first screen and the inputs follow.
 */
export function AnswerSummary() {
  const formula = useAppStore(selectFormula);
  const monitor = useAppStore(selectMonitor);
  const status = useAppStore((s) => s.simStatus);
  const scenario = useAppStore((s) => s.scenario);
  const pool = scenario.pool;
  // The verdict judges the user's own pool, so the sizes beside it are that pool's: one truth.
  const figures = [
    { key: 'poolSize', label: 'Pool size (formula)', value: formula.poolSize, unit: 'connections in flight' },
    { key: 'maxConnections', label: 'max_connections (your pool)', value: pool.maxConnections, unit: 'connections' },
    { key: 'maxKeepalive', label: 'max_keepalive (your pool)', value: pool.maxKeepalive, unit: 'idle connections' },
  ];
  return (
    <section className="card answer" aria-labelledby="answer-title" data-testid="answer">
      <h2 id="answer-title">The answer</h2>
      <dl className="answer__figures">
        {figures.map((f) => (
          <div key={f.key} className="answer__figure">
            <dt>{f.label}</dt>
            <dd data-testid={`answer-${f.key}`}>
              <strong>{f.value}</strong> <span className="answer__unit">{f.unit}</span>
            </dd>
          </div>
        ))}
      </dl>
      <p className="answer__sentence" data-testid="answer-sentence">
        {answerSentence(scenario, formula)}
      </p>
      <div className="answer__verdict" data-testid="answer-verdict" aria-live="polite">
        {monitor.length === 0 ? (
          <p>{status === 'error' ? 'The simulation could not run: see below.' : 'Simulating the verdict…'}</p>
        ) : (
          <ul>
            {monitor.map((f) => (
              <li key={f.key} className={`verdict verdict--${f.verdict}`} data-verdict={f.verdict}>
                <span className="verdict__word">{VERDICT_WORDS[f.verdict]}</span> {f.label}: {f.value}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
