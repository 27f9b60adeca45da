import type { Finding } from '../../core/audit/types.ts';

const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const VERDICT = { error: 'bad', warning: 'watch', info: 'good' } as const;

/** Findings as text only: messages may quote names from the pasted code, and React escapes them. */
export function FindingList({ findings, testId }: { findings: Finding[]; testId: string }) {
  if (findings.length === 0) return null;
  return (
    <ul className="audit-findings" data-testid={testId}>
      {findings.map((f, i) => (
        <li key={`${f.line}-${f.kind}-${i}`} className={`verdict verdict--${VERDICT[f.severity]}`} data-kind={f.kind} data-severity={f.severity}>
          <span className="verdict__word">{SEVERITY[f.severity]}</span>, line <span data-testid="finding-line">{f.line}</span>: {f.message}
          <br />
          <span className="audit-fix">Fix: {f.fix}</span>
          {f.source && (
            <span className="field__help">
              {' '}
              ({f.source.package}, {f.source.file}:{f.source.line})
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
