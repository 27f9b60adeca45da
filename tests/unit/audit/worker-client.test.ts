/** The audit worker boundary: a newer paste aborts the older run and stops its worker; a finished run keeps it warm. */
import { describe, expect, it } from 'vitest';
import type { AuditReply, AuditRequest } from '../../../src/worker/auditProtocol.ts';
import { AuditWorkerClient } from '../../../src/worker/auditClient.ts';

class FakeWorker {
  onmessage: ((e: MessageEvent<AuditReply>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: AuditRequest[] = [];
  terminated = false;
  postMessage(request: AuditRequest) {
    this.posted.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(reply: AuditReply) {
    this.onmessage?.({ data: reply } as MessageEvent<AuditReply>);
  }
}

function setup() {
  const made: FakeWorker[] = [];
  const client = new AuditWorkerClient(() => {
    const w = new FakeWorker();
    made.push(w);
    return w as unknown as Worker;
  });
  return { client, made };
}

describe('AuditWorkerClient', () => {
  it('should abort a run in flight, terminate its worker and run the next paste on a fresh one', async () => {
    const { client, made } = setup();
    const older = new AbortController();
    const first = client.run({ text: 'a' }, older.signal);
    older.abort();
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect(made[0]!.terminated).toBe(true);

    const second = client.run({ text: 'b' }, new AbortController().signal);
    expect(made).toHaveLength(2);
    const id = made[1]!.posted[0]!.id;
    made[1]!.answer({ id, kind: 'done', result: { clients: [], findings: [] }, language: 'python', ms: 1 });
    await expect(second).resolves.toMatchObject({ kind: 'done' });
    expect(made[1]!.terminated).toBe(false);
  });

  it('should ignore a reply for an older run and report the worker’s error message', async () => {
    const { client, made } = setup();
    const run = client.run({ text: 'x' }, new AbortController().signal);
    const id = made[0]!.posted[0]!.id;
    made[0]!.answer({ id: id - 1, kind: 'done', result: { clients: [], findings: [] }, language: 'python', ms: 1 });
    made[0]!.answer({ id, kind: 'error', message: 'too many files' });
    await expect(run).rejects.toThrow('too many files');
  });
});
