/**
 * Reads client code (Python, JavaScript/TypeScript) and reports the pools it builds. Pasted code is
 * untrusted input: it is parsed, never executed; sizes are capped; nothing is fetched.
 */
import { readJavaScript, dialectFor } from './javascript.ts';
import { interpret } from './interpret.ts';
import { readPython } from './python.ts';
import type { AuditInput, AuditResult } from './types.ts';

export type * from './types.ts';
export { auditedScenario, auditedPool } from './scenario.ts';

export const AUDIT_LIMITS = { fileChars: 256_000, files: 50, totalChars: 2_000_000 } as const;

export class AuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditError';
  }
}

export function languageOf(input: AuditInput): 'python' | 'javascript' {
  if (input.language) return input.language;
  if (/\.pyi?$/i.test(input.name)) return 'python';
  if (/\.([mc]?[jt]sx?)$/i.test(input.name)) return 'javascript';
  // Standard input or a pasted snippet: Python's import forms and `def` do not parse as JavaScript.
  return /^\s*(from\s+[\w.]+\s+import\b|import\s+[\w.]+(\s+as\s+\w+)?\s*$|(async\s+)?def\s+\w+\s*\(|@\w)/m.test(input.text) ? 'python' : 'javascript';
}

export function audit(inputs: readonly AuditInput[]): AuditResult {
  if (inputs.length > AUDIT_LIMITS.files) throw new AuditError(`too many files: ${inputs.length} (at most ${AUDIT_LIMITS.files})`);
  let total = 0;
  const result: AuditResult = { clients: [], findings: [] };
  for (const input of inputs) {
    total += input.text.length;
    if (input.text.length > AUDIT_LIMITS.fileChars) throw new AuditError(`${input.name.slice(0, 80)}: ${input.text.length} characters, more than ${AUDIT_LIMITS.fileChars}`);
    if (total > AUDIT_LIMITS.totalChars) throw new AuditError(`more than ${AUDIT_LIMITS.totalChars} characters in all`);
    const language = languageOf(input);
    const parsed = language === 'python' ? readPython(input.text) : readJavaScript(input.text, dialectFor(input.name));
    const one = interpret(input.name, parsed, language);
    result.clients.push(...one.clients);
    result.findings.push(...one.findings);
  }
  return result;
}
