/** Messages between the audit panel and the audit worker (audit.worker.ts). */
import type { AuditResult } from '../core/audit/types.ts';

export type AuditLanguage = 'python' | 'javascript' | 'typescript';

export interface AuditRequest {
  id: number;
  text: string;
  /** Absent: detected from the code (Python's imports and `def`, else JavaScript/TypeScript). */
  language?: AuditLanguage;
}

export type AuditReply =
  | { id: number; kind: 'done'; result: AuditResult; language: AuditLanguage; ms: number }
  | { id: number; kind: 'too-large'; chars: number; limit: number }
  | { id: number; kind: 'error'; message: string };
