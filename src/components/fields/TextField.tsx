import { useAppStore } from '../../store/index.ts';
import { getAt } from '../../store/paths.ts';
import { FieldShell, fieldId } from './FieldShell.tsx';

export interface TextFieldProps {
  path: string;
  label: string;
  help: string;
}

export function TextField({ path, label, help }: TextFieldProps) {
  const stored = useAppStore((s) => getAt(s.scenario, path));
  const draft = useAppStore((s) => s.drafts[path]);
  const error = useAppStore((s) => s.fieldErrors[path]);
  const editText = useAppStore((s) => s.editText);
  const blurField = useAppStore((s) => s.blurField);
  const id = fieldId(path);
  return (
    <FieldShell id={id} label={label} help={help} error={error}>
      <input
        id={id}
        name={path}
        type="text"
        autoComplete="off"
        spellCheck={false}
        className="field__input"
        value={draft ?? (typeof stored === 'string' ? stored : '')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error ${id}-help` : `${id}-help`}
        onChange={(e) => editText(path, e.target.value)}
        onBlur={() => blurField(path)}
      />
    </FieldShell>
  );
}
