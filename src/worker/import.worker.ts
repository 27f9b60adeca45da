/**
 * Reads and parses an imported traffic file off the main thread: the file is read as a stream (with
 * progress), parsed, fitted and validated here, so the page only receives the result. The trace's
 * rows come back as one transferred Float64Array: cloning 200,000 small arrays costs the page
 * hundreds of milliseconds (see traceTransport.ts).
 */
import { formatErrors, parseScenario } from '../core/index.ts';
import { IMPORT_LIMITS, ImportError, fitTraffic, importTraffic, parseMappingText, toScenario } from '../core/import/index.ts';
import type { ImportReply, ImportRequest } from './importProtocol.ts';

const post = (reply: ImportReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(reply, transfer);

async function readStreamed(file: File): Promise<string> {
  const parts: string[] = [];
  let readBytes = 0;
  let lastReport = 0;
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    readBytes += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    if (readBytes - lastReport > 4_000_000) {
      lastReport = readBytes;
      post({ kind: 'progress', readBytes, totalBytes: file.size });
    }
  }
  parts.push(decoder.decode());
  return parts.join('');
}

async function handle(request: ImportRequest): Promise<void> {
  const started = performance.now();
  if (request.file.size > IMPORT_LIMITS.chars) {
    throw new ImportError('', `file too large (${Math.round(request.file.size / 1e6)} MB; at most ${IMPORT_LIMITS.chars / 1024 / 1024} MB)`);
  }
  const text = await readStreamed(request.file);
  post({ kind: 'progress', readBytes: request.file.size, totalBytes: request.file.size });
  const read = performance.now();
  const traffic = importTraffic(text, {
    fileName: request.file.name,
    ...(request.format && { format: request.format }),
    ...(request.host && { host: request.host }),
    ...(request.map && { columns: parseMappingText(request.map) }),
  });
  const parsed = performance.now();
  const fit = fitTraffic(traffic);
  const fitted_ = performance.now();
  // The rows are validated with one stand-in row: importTraffic built them inside the schema's bounds
  // (start 0–1e9 s, duration 1 µs–1 h), and zod walking 200,000 of them cost this worker half a second.
  const tracedInput = toScenario(traffic, fit, { fitted: false });
  const traced = parseScenario({ ...tracedInput, workload: { ...tracedInput.workload, arrival: { kind: 'trace', rows: traffic.rows.slice(0, 1) } } });
  const fitted = parseScenario(toScenario(traffic, fit, { fitted: true }));
  if (!traced.ok) throw new ImportError('', `the imported trace is not a valid scenario: ${formatErrors(traced.errors)}`);
  if (!fitted.ok) throw new ImportError('', `the fitted workload is not a valid scenario: ${formatErrors(fitted.errors)}`);
  const rows = new Float64Array(traffic.rows.length * 2);
  traffic.rows.forEach(([start, duration], i) => {
    rows[2 * i] = start;
    rows[2 * i + 1] = duration;
  });
  const workload = traced.scenario.workload;
  post(
    {
      kind: 'done',
      summary: traffic.summary,
      fit,
      traced: { ...workload, arrival: { kind: 'trace', rows: [] } },
      rows,
      fitted: fitted.scenario.workload,
      ms: Math.round(performance.now() - started),
      stagesMs: { read: Math.round(read - started), parse: Math.round(parsed - read), fit: Math.round(fitted_ - parsed), check: Math.round(performance.now() - fitted_) },
    },
    [rows.buffer],
  );
}

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  handle(event.data).catch((err: unknown) => {
    const message = err instanceof ImportError ? err.message : `could not import the file (${err instanceof Error ? err.message : String(err)})`;
    post({ kind: 'error', message });
  });
};
