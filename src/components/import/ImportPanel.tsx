import { useRef, useState } from 'react';
import type { Scenario } from '../../core/index.ts';
import { IMPORT_FORMATS, type ImportFormat } from '../../core/import/index.ts';
import { useAppStore } from '../../store/index.ts';
import { ImportFitView } from './ImportFitView.tsx';
import { ImportSummaryView } from './ImportSummaryView.tsx';
import { useImportWorker, type ImportState } from './useImportWorker.ts';

type Done = Extract<ImportState, { phase: 'done' }>;

/** The trace's rows back from their transferred pairs; the worker validated them, so no second parse here. */
function rowsOf(values: Float64Array): [number, number][] {
  const rows: [number, number][] = new Array(values.length / 2);
  for (let i = 0; i < rows.length; i++) rows[i] = [values[2 * i]!, values[2 * i + 1]!];
  return rows;
}

/**
 * Import traffic (OTLP/JSON, HAR, CSV, JSON lines): the file is read and parsed in a worker; what
 * was read is shown beside the fit, and either becomes the workload. Only the workload changes:
 * pools, network and client stay as they are.
 */
export function ImportPanel() {
  const { state, start } = useImportWorker();
  const [format, setFormat] = useState<'' | ImportFormat>('');
  const [host, setHost] = useState('');
  const [map, setMap] = useState('');
  const file = useRef<File | null>(null);
  const replaceScenario = useAppStore((s) => s.replaceScenario);
  const addNotice = useAppStore((s) => s.addNotice);

  const read = () => {
    if (!file.current) return;
    start({ file: file.current, ...(format && { format }), ...(host.trim() && { host: host.trim() }), ...(map.trim() && { map: map.trim() }) });
  };

  const use = (done: Done, which: 'traced' | 'fitted') => {
    const current = useAppStore.getState().scenario;
    const workload: Scenario['workload'] = which === 'traced' ? { ...done.traced, arrival: { kind: 'trace', rows: rowsOf(done.rows) } } : done.fitted;
    replaceScenario({ ...current, workload });
    addNotice('info', `Your workload is now ${which === 'traced' ? 'the trace' : 'the fitted model'} from “${done.fileName}”.`);
  };

  return (
    <section className="card import-panel" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">Import traffic</h2>
      <p className="field__help">OpenTelemetry traces (OTLP/JSON), HAR 1.2, or a CSV / JSON-lines request log. The file stays in this browser.</p>
      <div className="import-controls">
        <label>
          File{' '}
          <input
            type="file"
            accept=".json,.jsonl,.ndjson,.har,.csv,.tsv,.txt,application/json,text/csv"
            data-testid="import-traffic-file"
            onChange={(e) => {
              file.current = e.target.files?.[0] ?? null;
              read();
            }}
          />
        </label>
        <label>
          Format{' '}
          <select value={format} onChange={(e) => setFormat(e.target.value as '' | ImportFormat)} data-testid="import-format">
            <option value="">from the file</option>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </label>
        <label>
          API host <input type="text" value={host} placeholder="the provider's, else the busiest" onChange={(e) => setHost(e.target.value)} maxLength={200} />
        </label>
        <label>
          Columns <input type="text" value={map} placeholder="timestamp=ts,duration=latency_ms" onChange={(e) => setMap(e.target.value)} maxLength={500} />
        </label>
        <button type="button" className="secondary" onClick={read} disabled={!file.current || state.phase === 'reading'}>
          Read again
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.phase === 'reading' && <p data-testid="import-progress">Reading “{state.fileName}”… {Math.round(state.share * 100)} %</p>}
      </div>
      {state.phase === 'error' && (
        <p role="alert" className="field__error" data-testid="import-error">
          “{state.fileName}”: {state.message}
        </p>
      )}
      {state.phase === 'done' && (
        <>
          <div className="import-results">
            <ImportSummaryView summary={state.summary} />
            <ImportFitView fit={state.fit} />
          </div>
          <p className="field__help">
            Read and fitted in {state.ms.toLocaleString('en-US')} ms (in a worker: reading {state.stagesMs.read} ms, parsing {state.stagesMs.parse} ms, fitting {state.stagesMs.fit} ms, checking{' '}
            {state.stagesMs.check} ms).
          </p>
          <button type="button" onClick={() => use(state, 'traced')} data-testid="import-use-trace">
            Use as my workload (replay the trace)
          </button>{' '}
          <button type="button" className="secondary" onClick={() => use(state, 'fitted')} data-testid="import-use-fit">
            Use the fitted model
          </button>
        </>
      )}
    </section>
  );
}
