/**
 * Parses pasted client code off the main thread: the lezer grammars live in this worker's bundle
 * only, so the page downloads them when the audit panel opens, and a large paste never blocks typing.
 * The code is parsed, never run.
 */
import { audit, AUDIT_LIMITS, AuditError, languageOf } from '../core/audit/index.ts';
import type { AuditLanguage, AuditReply, AuditRequest } from './auditProtocol.ts';

const post = (reply: AuditReply) => (self as unknown as Worker).postMessage(reply);

function handle({ id, text, language }: AuditRequest): AuditReply {
  if (text.length > AUDIT_LIMITS.fileChars) return { id, kind: 'too-large', chars: text.length, limit: AUDIT_LIMITS.fileChars };
  const started = performance.now();
  // The grammar's dialect follows the name: TypeScript's also reads plain JavaScript, so detection picks it.
  const detected = language ?? languageOf({ name: 'pasted', text });
  const used: AuditLanguage = detected === 'javascript' && !language ? 'typescript' : detected;
  const core = used === 'typescript' ? 'javascript' : used;
  const name = { python: 'pasted.py', javascript: 'pasted.js', typescript: 'pasted.ts', go: 'pasted.go', java: 'Pasted.java' }[used];
  const result = audit([{ name, text, language: core }]);
  return { id, kind: 'done', result, language: used, ms: Math.round(performance.now() - started) };
}

self.onmessage = (event: MessageEvent<AuditRequest>) => {
  const { id } = event.data;
  try {
    post(handle(event.data));
  } catch (err) {
    const message = err instanceof AuditError ? err.message : `could not read the code (${err instanceof Error ? err.message : String(err)})`;
    post({ id, kind: 'error', message });
  }
};
