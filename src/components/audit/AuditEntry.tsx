import { lazy, Suspense, useState } from 'react';

// The panel, its worker and the lezer grammars load only when asked for: the first screen stays light.
const AuditPanel = lazy(() => import('./AuditPanel.tsx').then((m) => ({ default: m.AuditPanel })));

export function AuditEntry() {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <section className="card" aria-label="Paste your client code">
        <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="audit-open">
          Paste your client code (Python, JavaScript, TypeScript)…
        </button>
      </section>
    );
  }
  return (
    <Suspense fallback={<p className="card">Loading the code reader…</p>}>
      <AuditPanel />
    </Suspense>
  );
}
