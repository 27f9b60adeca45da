import { useAppStore } from '../../store/index.ts';
import { selectWarnings } from '../../store/simSelectors.ts';

export function WarningsPanel() {
  const warnings = useAppStore(selectWarnings);
  if (!warnings.length) return null;
  return (
    <section className="card warnings" aria-labelledby="warnings-title" data-testid="warnings">
      <h2 id="warnings-title">Check these settings</h2>
      <ul>
        {warnings.map((w) => (
          <li key={w.id} data-testid={`warning-${w.id}`}>
            <code>{w.field}</code>: {w.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
