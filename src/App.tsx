import { FormulaPanel } from './components/FormulaPanel.tsx';
import { ExportPanel } from './components/export/ExportPanel.tsx';
import { PoolForm, SizingForm } from './components/PoolForm.tsx';
import { PresetPicker } from './components/PresetPicker.tsx';
import { NoticeBanner } from './components/share/NoticeBanner.tsx';
import { ShareBar } from './components/share/ShareBar.tsx';
import { WorkloadForm } from './components/WorkloadForm.tsx';
import { MonitorPanel } from './components/sim/MonitorPanel.tsx';
import { SimSettingsForm } from './components/sim/SimSettingsForm.tsx';
import { SimulationSection } from './components/sim/SimulationSection.tsx';
import { TargetPanel } from './components/sim/TargetPanel.tsx';
import { WarningsPanel } from './components/sim/WarningsPanel.tsx';

export function App() {
  return (
    <div className="app">
      <header className="app__header">
        <h1>pool-sizer</h1>
        <p className="tagline">Size HTTP connection pools for AI APIs — formula, simulation and ready-to-paste configs.</p>
      </header>
      <NoticeBanner />
      <main className="layout">
        <div className="layout__inputs">
          <ShareBar />
          <PresetPicker />
          <WorkloadForm />
          <SizingForm />
          <PoolForm />
          <SimSettingsForm />
        </div>
        <div className="layout__results">
          <FormulaPanel />
          <WarningsPanel />
          <TargetPanel />
          <MonitorPanel />
          <ExportPanel />
          <SimulationSection />
        </div>
      </main>
    </div>
  );
}
