import { useState } from 'react';
import type { Hop } from '../../core/index.ts';
import { applyPathPreset, PATH_PRESETS } from '../../core/path/pathPresets.ts';
import { editHops, HOPS_PATH } from './hopEdits.ts';

/** Same hops, limits and behaviours, in order. */
function samePath(a: readonly Hop[], b: readonly Hop[]): boolean {
  return a.length === b.length && a.every((h, i) => h.kind === b[i]?.kind && h.idleSec === b[i]?.idleSec && h.onIdle === b[i]?.onIdle);
}

/**
 * Common paths in one tap. A button shows pressed while the hops are exactly its path; two presets
 * can share a path (both APIs sit behind Cloudflare), so the note follows the one last chosen.
 */
export function PathPresetPicker({ hops }: { hops: readonly Hop[] }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const matching = PATH_PRESETS.filter((p) => samePath(applyPathPreset(hops, p), hops));
  const shown = matching.find((p) => p.id === chosen) ?? matching[0];
  return (
    <>
      <div className="presets" role="group" aria-label="Path presets">
        {PATH_PRESETS.map((p) => {
          const pressed = matching.includes(p);
          return (
            <button
              key={p.id}
              type="button"
              className={pressed ? 'preset preset--active' : 'preset'}
              aria-pressed={pressed}
              data-testid={`path-preset-${p.id}`}
              onClick={() => {
                setChosen(p.id);
                editHops(HOPS_PATH, applyPathPreset(hops, p));
              }}
            >
              {p.label}
            </button>
          );
        })}
      </div>
      <p className="preset-note" data-testid="path-preset-note">
        {shown ? shown.note : 'A path of your own: edit the hops below.'}
      </p>
    </>
  );
}
