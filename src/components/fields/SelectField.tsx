import { useAppStore } from '../../store/index.ts';
import { getAt } from '../../store/paths.ts';
import { FieldShell, fieldId } from './FieldShell.tsx';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  path: string;
  label: string;
  help: string;
  options: readonly SelectOption[];
  /** Builds the value to store from the chosen option; defaults to the option's string. */
  toValue?: (choice: string) => unknown;
  /** Path that receives the built value, when it differs from the one displayed (a whole sub-object). */
  writePath?: string;
}

export function SelectField({ path, label, help, options, toValue, writePath }: SelectFieldProps) {
  const stored = useAppStore((s) => getAt(s.scenario, path));
  const error = useAppStore((s) => s.fieldErrors[writePath ?? path]);
  const editValue = useAppStore((s) => s.editValue);
  const id = fieldId(path);
  return (
    <FieldShell id={id} label={label} help={help} error={error}>
      <select
        id={id}
        name={path}
        className="field__input"
        value={String(stored ?? '')}
        aria-describedby={`${id}-help`}
        onChange={(e) => editValue(writePath ?? path, toValue ? toValue(e.target.value) : e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}
