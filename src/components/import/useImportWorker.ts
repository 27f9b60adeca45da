import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { ImportReply, ImportRequest } from '../../worker/importProtocol.ts';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'reading'; fileName: string; share: number }
  | { phase: 'error'; fileName: string; message: string }
  | ({ phase: 'done'; fileName: string } & Extract<ImportReply, { kind: 'done' }>);

const spawn = () => new Worker(new URL('../../worker/import.worker.ts', import.meta.url), { type: 'module' });

/**
 * One worker per import, ended when it answers: a file is imported rarely, and a stuck parse must not
 * linger. The next one is started while the panel waits for a file: constructing a module worker
 * blocks the page for tens of milliseconds (spawn.ts), better spent before the file is picked.
 */
export function useImportWorker(): { state: ImportState; start(request: ImportRequest): void } {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const worker = useRef<Worker | null>(null);
  const spare = useRef<Worker | null>(null);
  useEffect(() => {
    spare.current = spawn();
    return () => {
      worker.current?.terminate();
      spare.current?.terminate();
    };
  }, []);
  const start = useCallback((request: ImportRequest) => {
    worker.current?.terminate();
    const fileName = request.file.name;
    const w = spare.current ?? spawn();
    spare.current = null;
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
      // A transition: React renders the result in slices between other work, not as one long task.
      startTransition(() => setState(reply.kind === 'done' ? { phase: 'done', fileName, ...reply } : { phase: 'error', fileName, message: reply.message }));
    };
    w.onerror = (event) => {
      w.terminate();
      setState({ phase: 'error', fileName, message: `the import stopped (${event.message || 'worker error'})` });
    };
    w.postMessage(request);
  }, []);
  return { state, start };
}
