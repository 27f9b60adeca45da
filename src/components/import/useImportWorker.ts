import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReply, ImportRequest } from '../../worker/importProtocol.ts';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; share: number }
  | { phase: 'error'; fileName: string; message: string }
  | ({ phase: 'done'; fileName: string } & Extract<ImportReply, { kind: 'done' }>);

/** One worker per import, ended when it answers: a file is imported rarely, and a stuck parse must not linger. */
export function useImportWorker(): { state: ImportState; start(request: ImportRequest): void } {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);
  const start = useCallback((request: ImportRequest) => {
    worker.current?.terminate();
    const fileName = request.file.name;
    const w = new Worker(new URL('../../worker/import.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    setState({ phase: 'reading', fileName, share: 0 });
    w.onmessage = (event: MessageEvent<ImportReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') {
        setState({ phase: 'reading', fileName, share: reply.totalBytes ? reply.readBytes / reply.totalBytes : 1 });
        return;
      }
      w.terminate();
      worker.current = null;
      setState(reply.kind === 'done' ? { phase: 'done', fileName, ...reply } : { phase: 'error', fileName, message: reply.message });
    };
    w.onerror = (event) => {
      w.terminate();
      setState({ phase: 'error', fileName, message: `the import stopped (${event.message || 'worker error'})` });
    };
    w.postMessage(request);
  }, []);
  return { state, start };
}
