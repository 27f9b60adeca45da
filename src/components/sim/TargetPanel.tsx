import { describeTarget } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { selectFormula } from '../../store/selectors.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { SelectField } from '../fields/SelectField.tsx';

export function TargetPanel() {
  const target = useAppStore((s) => s.scenario.target);
  const recommendation = useAppStore((s) => s.targetRecommendation);
  const formula = useAppStore(selectFormula);
  const source = useAppStore((s) => s.recommendationSource);
  const setSource = useAppStore((s) => s.setRecommendationSource);
  return (
    <section className="card" aria-labelledby="target-title">
      <h2 id="target-title">Recommendation that meets a target</h2>
      <div className="grid">
        <SelectField
          path="target.metric"
          writePath="target"
          label="Target"
          help="What the pool must achieve under the simulated traffic."
          options={[
            { value: 'p99QueueWaitMs', label: 'p99 queue wait at most…' },
            { value: 'pWait', label: 'Share of requests that wait at most…' },
          ]}
          toValue={(metric) => (metric === 'pWait' ? { metric, value: 0.01 } : { metric: 'p99QueueWaitMs', value: 100 })}
        />
        {target.metric === 'pWait' ? (
          <NumberField path="target.value" scale={100} label="Requests that may wait" unit="%" help="1 % is a common goal." />
        ) : (
          <NumberField path="target.value" label="p99 queue wait" unit="ms" help="How long the slowest 1 % may wait for a connection." />
        )}
      </div>
      {recommendation ? (
        <div className="recommendation" data-testid="target-recommendation">
          <p className="figures">
            <span className="figure">
              <span className="figure__label">formula</span>
              <span className="figure__value" data-testid="formula-size">{formula.maxConnections}</span>
            </span>
            <span className="figure">
              <span className="figure__label">meets {describeTarget(target)}</span>
              <span className="figure__value" data-testid="target-size">{recommendation.met ? recommendation.maxConnections : '—'}</span>
            </span>
          </p>
          <p data-testid="target-explanation">{recommendation.explanation}</p>
        </div>
      ) : (
        <p className="chart__waiting">Searching for the smallest pool that meets the target…</p>
      )}
      <fieldset className="source-choice">
        <legend>Exported code follows</legend>
        <label>
          <input type="radio" name="recommendation-source" checked={source === 'formula'} onChange={() => setSource('formula')} /> the formula ({formula.maxConnections} / {formula.maxKeepalive})
        </label>
        <label>
          <input type="radio" name="recommendation-source" checked={source === 'target'} disabled={!recommendation?.met} onChange={() => setSource('target')} /> the target-based size
          {recommendation?.met ? ` (${recommendation.maxConnections} / ${recommendation.maxKeepalive})` : ''}
        </label>
      </fieldset>
    </section>
  );
}
