import { PRESETS } from '../core/index.ts';
import { useAppStore } from '../store/index.ts';
import { selectPreset } from '../store/selectors.ts';

export function PresetPicker() {
  const applyPreset = useAppStore((s) => s.applyPreset);
  const preset = useAppStore(selectPreset);
  return (
    <section className="card" aria-labelledby="presets-title">
      <h2 id="presets-title">Start from a preset</h2>
      <div className="presets" role="group" aria-label="Presets">
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            className={p.id === preset?.id ? 'preset preset--active' : 'preset'}
            aria-pressed={p.id === preset?.id}
            data-testid={`preset-${p.id}`}
            onClick={() => applyPreset(p.id)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <p className="preset-note" data-testid="preset-note">
        {preset ? preset.note : 'Custom scenario: pick a preset to start from the article’s numbers.'}
      </p>
    </section>
  );
}
