/** Messages between the audit panel and the audit worker (audit.worker.ts). */
import type { AuditResult } from '../core/audit/types.ts';

export type AuditLanguage = 'python' | 'javascript' | 'typescript' | 'go' | 'java';

export interface AuditRequest {
  id: number;
  text: string;
  /** Absent: detected from the code (Java's imports, Python's imports and `def`, Go's package and `func`, else JavaScript/TypeScript). */
  language?: AuditLanguage;
}

export type AuditReply =
  | { id: number; kind: 'done'; result: AuditResult; language: AuditLanguage; ms: number }
  | { id: number; kind: 'too-large'; chars: number; limit: number }
  | { id: number; kind: 'error'; message: string };
