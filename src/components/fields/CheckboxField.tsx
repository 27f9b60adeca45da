import { useAppStore } from '../../store/index.ts';
import { getAt } from '../../store/paths.ts';
import { fieldId } from './FieldShell.tsx';

export function CheckboxField({ path, label, help }: { path: string; label: string; help: string }) {
  const checked = useAppStore((s) => getAt(s.scenario, path) === true);
  const editValue = useAppStore((s) => s.editValue);
  const id = fieldId(path);
  return (
    <div className="field field--checkbox">
      <label htmlFor={id} className="field__label">
        <input id={id} name={path} type="checkbox" checked={checked} onChange={(e) => editValue(path, e.target.checked)} /> {label}
      </label>
      <p className="field__help">{help}</p>
    </div>
  );
}
