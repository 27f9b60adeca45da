/**
 * Reads client code (Python, JavaScript/TypeScript, Go, Java) and reports the pools it builds. Pasted code is
 * untrusted input: it is parsed, never executed; sizes are capped; nothing is fetched.
 */
import { readGo } from './go.ts';
import { readJava } from './java.ts';
import { readJavaScript, dialectFor } from './javascript.ts';
import { interpret } from './interpret.ts';
import { readPython } from './python.ts';
import type { AuditInput, AuditLanguage, AuditResult, ParsedFile } from './types.ts';

export type * from './types.ts';
export { auditedScenario, auditedPool } from './scenario.ts';

/**
 * `nesting` caps how deep brackets may nest: the lezer parsers build their tree recursively, and
 * 50,000 nested parentheses overflowed the stack in some runs and not others (RangeError inside
 * @lezer/common's copyToBuffer). Hand-written code nests a few levels; brackets inside strings
 * count too, which only makes the cap stricter.
 */
export const AUDIT_LIMITS = { fileChars: 256_000, files: 50, totalChars: 2_000_000, nesting: 1_000 } as const;

export class AuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditError';
  }
}

/** Go's package clause has no semicolon, Java's does; `func`, `:=` and `&http.` are Go's own. */
const GO_TEXT = /^\s*(package\s+\w+\s*$|func\s+(\([^)]*\)\s*)?\w+\s*\(|import\s+\(\s*$)|&http\.(Transport|Client)\s*\{|\w\s*:=\s*\S/m;
const JAVA_TEXT = /^\s*(package\s+[\w.]+\s*;|import\s+(static\s+)?[\w.]+(\.\*)?\s*;|(public|private|protected|final|abstract)\s+(\w+\s+)*class\s+\w+)|\bnew\s+OkHttpClient\b|\b(OpenAI|Anthropic)OkHttpClient\.(builder|fromEnv)\s*\(/m;

export function languageOf(input: AuditInput): AuditLanguage {
  if (input.language) return input.language;
  if (/\.pyi?$/i.test(input.name)) return 'python';
  if (/\.([mc]?[jt]sx?)$/i.test(input.name)) return 'javascript';
  if (/\.go$/i.test(input.name)) return 'go';
  if (/\.java$/i.test(input.name)) return 'java';
  // Standard input or a pasted snippet. Java's `import a.b;` and modifiers, then Python's import forms,
  // `def` and decorators, then Go's package clause, `func` and `:=`; none of them parses as JavaScript.
  if (JAVA_TEXT.test(input.text)) return 'java';
  if (/^\s*(from\s+[\w.]+\s+import\b|import\s+[\w.]+(\s+as\s+\w+)?\s*$|(async\s+)?def\s+\w+\s*\(|@\w)/m.test(input.text)) return 'python';
  return GO_TEXT.test(input.text) ? 'go' : 'javascript';
}

export function audit(inputs: readonly AuditInput[]): AuditResult {
  if (inputs.length > AUDIT_LIMITS.files) throw new AuditError(`too many files: ${inputs.length} (at most ${AUDIT_LIMITS.files})`);
  let total = 0;
  const result: AuditResult = { clients: [], findings: [] };
  for (const input of inputs) {
    total += input.text.length;
    if (input.text.length > AUDIT_LIMITS.fileChars) throw new AuditError(`${input.name.slice(0, 80)}: ${input.text.length} characters, more than ${AUDIT_LIMITS.fileChars}`);
    if (total > AUDIT_LIMITS.totalChars) throw new AuditError(`more than ${AUDIT_LIMITS.totalChars} characters in all`);
    const deepest = deepestNesting(input.text);
    if (deepest.depth > AUDIT_LIMITS.nesting) {
      throw new AuditError(`${input.name.slice(0, 80)}: line ${deepest.line} nests brackets more than ${AUDIT_LIMITS.nesting} deep; the audit reads at most ${AUDIT_LIMITS.nesting}`);
    }
    const language = languageOf(input);
    const parsed = read(language, input);
    const one = interpret(input.name, parsed, language);
    result.clients.push(...one.clients);
    result.findings.push(...one.findings);
  }
  return result;
}

function read(language: AuditLanguage, input: AuditInput): ParsedFile {
  switch (language) {
    case 'python': return readPython(input.text);
    case 'javascript': return readJavaScript(input.text, dialectFor(input.name));
    case 'go': return readGo(input.text);
    case 'java': return readJava(input.text);
  }
}

/** The deepest bracket nesting in the text, and the line where it first reaches it. */
function deepestNesting(text: string): { depth: number; line: number } {
  let depth = 0;
  let deepest = { depth: 0, line: 1 };
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) line++;
    else if (ch === 40 || ch === 91 || ch === 123) {
      depth++;
      if (depth > deepest.depth) deepest = { depth, line };
    } else if ((ch === 41 || ch === 93 || ch === 125) && depth > 0) depth--;
  }
  return deepest;
}
