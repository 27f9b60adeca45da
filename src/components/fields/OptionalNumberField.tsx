import { useAppStore } from '../../store/index.ts';
import { getAt } from '../../store/paths.ts';
import { FieldShell, fieldId } from './FieldShell.tsx';
import { displayNumber } from './NumberField.tsx';

/** A number that may be left empty, meaning "not set" (the field is removed from the scenario). */
export function OptionalNumberField({ path, label, unit, help }: { path: string; label: string; unit: string; help: string }) {
  const stored = useAppStore((s) => getAt(s.scenario, path));
  const draft = useAppStore((s) => s.drafts[path]);
  const error = useAppStore((s) => s.fieldErrors[path]);
  const editNumber = useAppStore((s) => s.editNumber);
  const editValue = useAppStore((s) => s.editValue);
  const blurField = useAppStore((s) => s.blurField);
  const id = fieldId(path);
  return (
    <FieldShell id={id} label={label} unit={unit} help={help} error={error}>
      <input
        id={id}
        name={path}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder="not set"
        className="field__input"
        value={draft ?? displayNumber(stored, 1)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-help` : `${id}-help`}
        onChange={(e) => (e.target.value.trim() === '' ? editValue(path, undefined) : editNumber(path, e.target.value))}
        onBlur={() => blurField(path)}
      />
    </FieldShell>
  );
}
