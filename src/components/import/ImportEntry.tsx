import { lazy, Suspense, useState } from 'react';

// The import panel, its worker and the parsers load only when asked for: most visits never import.
const ImportPanel = lazy(() => import('./ImportPanel.tsx').then((m) => ({ default: m.ImportPanel })));

export function ImportEntry() {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <section className="card" aria-label="Import traffic">
        <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="import-traffic-open">
          Import traffic (OpenTelemetry, HAR, CSV)…
        </button>
      </section>
    );
  }
  return (
    <Suspense fallback={<p className="card">Loading the importer…</p>}>
      <ImportPanel />
    </Suspense>
  );
}
