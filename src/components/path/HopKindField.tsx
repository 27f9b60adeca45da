import type { Hop } from '../../core/index.ts';
import { HOP_KINDS, type HopKind } from '../../core/path/hops.ts';
import { useAppStore } from '../../store/index.ts';
import { FieldShell, fieldId } from '../fields/FieldShell.tsx';
import { editHops, hopLabel, hopPath, withKind } from './hopEdits.ts';

/**
 * The hop's kind. Unlike a plain select it rewrites the whole hop (a known kind brings its own
 * limit and behaviour) and offers "API server" only on the last hop, the one place it may be.
 */
export function HopKindField({ index, hop, last }: { index: number; hop: Hop; last: boolean }) {
  const at = hopPath(index);
  const error = useAppStore((s) => s.fieldErrors[at]);
  const id = fieldId(`${at}.kind`);
  const kinds = HOP_KINDS.filter((k) => k !== 'server' || last);
  return (
    <FieldShell id={id} label="Kind" help="A known kind fills in its documented idle limit." error={error}>
      <select
        id={id}
        name={`${at}.kind`}
        className="field__input"
        value={hop.kind}
        aria-describedby={`${id}-help`}
        onChange={(e) => editHops(at, withKind(hop, e.target.value as HopKind))}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {hopLabel(k)}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
