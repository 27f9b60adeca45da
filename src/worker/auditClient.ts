/**
 * The audit worker behind an AbortSignal-first call, as the simulation client: a newer paste aborts
 * the older run, and a run still in flight has its worker terminated so it stops at once (the next
 * call starts a fresh one). A finished run leaves its worker warm for the next paste.
 */
import type { AuditReply, AuditRequest } from './auditProtocol.ts';

export type AuditAnswer = Exclude<AuditReply, { kind: 'error' }>;

export class AuditFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditFailed';
  }
}

const spawn = () => new Worker(new URL('./audit.worker.ts', import.meta.url), { type: 'module' });

export class AuditWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;

  constructor(private readonly create: () => Worker = spawn) {}

  /** Starts the worker now: loading its grammars overlaps with the user pasting. */
  warm(): void {
    this.worker ??= this.create();
  }

  run(request: Omit<AuditRequest, 'id'>, signal: AbortSignal): Promise<AuditAnswer> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new DOMException('The audit was cancelled', 'AbortError'));
      const id = this.nextId++;
      const worker = (this.worker ??= this.create());
      const settle = () => {
        worker.onmessage = null;
        worker.onerror = null;
        signal.removeEventListener('abort', abort);
      };
      const abort = () => {
        settle();
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        reject(new DOMException('The audit was cancelled', 'AbortError'));
      };
      signal.addEventListener('abort', abort, { once: true });
      worker.onmessage = (event: MessageEvent<AuditReply>) => {
        const reply = event.data;
        if (reply.id !== id) return;
        settle();
        if (reply.kind === 'error') reject(new AuditFailed(reply.message));
        else resolve(reply);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        settle();
        worker.terminate();
        if (this.worker === worker) this.worker = null;
        reject(new AuditFailed(`the audit stopped (${event.message || 'worker error'})`));
      };
      worker.postMessage({ ...request, id } satisfies AuditRequest);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
