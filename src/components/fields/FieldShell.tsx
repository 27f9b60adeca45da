import type { ReactNode } from 'react';

export interface FieldShellProps {
  id: string;
  label: string;
  unit?: string | undefined;
  help: string;
  error?: string | undefined;
  children: ReactNode;
}

/** Label, unit, one-line explanation and the field's own error message, the same for every input. */
export function FieldShell({ id, label, unit, help, error, children }: FieldShellProps) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
        {unit ? <span className="field__unit"> ({unit})</span> : null}
      </label>
      {children}
      <p id={`${id}-help`} className="field__help">
        {help}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert" data-testid={`error-${id}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** DOM id for a scenario path: `workload.classes[0].share` → `workload-classes-0-share`. */
export function fieldId(path: string): string {
  return path.replace(/[[\].]+/g, '-').replace(/-$/, '');
}
