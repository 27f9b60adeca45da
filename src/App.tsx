import { lazy, startTransition, Suspense, useEffect, useState } from 'react';
import { FormulaPanel } from './components/FormulaPanel.tsx';
import { ClientPicker } from './components/client/ClientPicker.tsx';
import { NetworkForm, PoolForm, RateLimitForm, SizingForm } from './components/PoolForm.tsx';
import { PresetPicker } from './components/PresetPicker.tsx';
import { NoticeBanner } from './components/share/NoticeBanner.tsx';
import { ShareBar } from './components/share/ShareBar.tsx';
import { WorkloadForm } from './components/WorkloadForm.tsx';
import { ComparePanel } from './components/sim/ComparePanel.tsx';
import { MonitorPanel } from './components/sim/MonitorPanel.tsx';
import { SimSettingsForm } from './components/sim/SimSettingsForm.tsx';
import { SimulationSection } from './components/sim/SimulationSection.tsx';
import { TargetPanel } from './components/sim/TargetPanel.tsx';
import { WarningsPanel } from './components/sim/WarningsPanel.tsx';
import { ThemeToggle } from './components/theme/ThemeToggle.tsx';
import { AnswerSummary } from './components/ui/AnswerSummary.tsx';
import { ImportEntry } from './components/import/ImportEntry.tsx';
import { AuditEntry } from './components/audit/AuditEntry.tsx';

// The export panel brings the snippet generators and highlight.js: loaded after the first paint.
const ExportPanel = lazy(() => import('./components/export/ExportPanel.tsx').then((m) => ({ default: m.ExportPanel })));

/**
 * The export panel is client-only: the static first screen (prerender.tsx) and its hydration show
 * the placeholder, and the lazy panel replaces it after that. A lazy component in the static copy
 * would make React abandon and redraw its boundary, and report that as an error.
 */
function ClientExportPanel() {
  const [hydrated, setHydrated] = useState(false);
  // A transition: generating and showing the code is sliced in with other work, not one long task.
  useEffect(() => startTransition(() => setHydrated(true)), []);
  if (!hydrated) return <ExportPlaceholder />;
  return (
    <Suspense fallback={<ExportPlaceholder />}>
      <ExportPanel />
    </Suspense>
  );
}

function ExportPlaceholder() {
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export: ready-to-paste client configuration</h2>
      <p className="chart__waiting">Loading the code generators…</p>
    </section>
  );
}

/**
 * The answer comes first (a phone shows it on the first screen), then the inputs and the details.
 * On wide screens inputs and results sit side by side under the answer.
 */
export function App() {
  return (
    <div className="app">
      <header className="app__header">
        <div>
          <h1>pool-sizer</h1>
          <p className="tagline">Size HTTP connection pools for AI APIs — formula, simulation and ready-to-paste configs.</p>
        </div>
        <ThemeToggle />
      </header>
      <NoticeBanner />
      <main>
        <AnswerSummary />
        <div className="layout">
          <div className="layout__inputs">
            <ShareBar />
            <ImportEntry />
            <AuditEntry />
            <PresetPicker />
            <ClientPicker />
            <WorkloadForm />
            <PoolForm />
            <NetworkForm />
            <SizingForm />
            <RateLimitForm />
            <SimSettingsForm />
          </div>
          <div className="layout__results">
            <FormulaPanel />
            <WarningsPanel />
            <TargetPanel />
            <MonitorPanel />
            <ComparePanel />
            <ClientExportPanel />
            <SimulationSection />
          </div>
        </div>
      </main>
    </div>
  );
}
