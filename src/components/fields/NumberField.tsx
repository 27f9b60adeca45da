import { useAppStore } from '../../store/index.ts';
import { getAt } from '../../store/paths.ts';
import { FieldShell, fieldId } from './FieldShell.tsx';

export interface NumberFieldProps {
  path: string;
  label: string;
  unit?: string;
  help: string;
  /** Display = stored × scale, e.g. 100 to show a 0.1 fraction as 10 %. */
  scale?: number;
  /** An empty field means "not set": the value is removed from the scenario. */
  optional?: boolean;
  /** What an empty optional field stands for (the default used when none is set); "not set" when absent. */
  placeholder?: string;
}

export function displayNumber(value: unknown, scale: number): string {
  return typeof value === 'number' ? String(Number((value * scale).toPrecision(12))) : '';
}

/**
 * A text input rather than type="number": browsers blank out what a number input cannot parse,
 * and the user must see exactly what they typed next to the message saying why it is refused.
 */
export function NumberField({ path, label, unit, help, scale = 1, optional = false, placeholder }: NumberFieldProps) {
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
        className="field__input"
        placeholder={optional ? (placeholder ?? 'not set') : undefined}
        value={draft ?? displayNumber(stored, scale)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-help` : `${id}-help`}
        onChange={(e) => (optional && e.target.value.trim() === '' ? editValue(path, undefined) : editNumber(path, e.target.value, scale, unit))}
        onBlur={() => blurField(path)}
      />
    </FieldShell>
  );
}
