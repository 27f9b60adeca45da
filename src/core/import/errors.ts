/**
 * A bad file: reported as one message naming the line, entry or field, never as a stack trace.
 * Imported files are untrusted, so every reader checks the shape it walks and throws only this.
 */
export class ImportError extends Error {
  constructor(where: string, message: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'ImportError';
  }
}

/** Caps that keep a hostile or mistaken file from exhausting memory or time. */
export const IMPORT_LIMITS = {
  /** Characters of input text (about 256 MB of ASCII). */
  chars: 256 * 1024 * 1024,
  /** Records (spans, entries, rows) read before giving up. */
  records: 5_000_000,
  /** Characters of one CSV/JSONL line or one OTLP file-exporter line. */
  lineChars: 64 * 1024 * 1024,
  /** Characters of a HAR request body parsed for its model and stream flag. */
  bodyChars: 1024 * 1024,
} as const;

export function checkSize(text: string): void {
  if (text.length > IMPORT_LIMITS.chars) {
    throw new ImportError('', `file too large (${Math.round(text.length / 1e6)} MB; at most ${IMPORT_LIMITS.chars / 1024 / 1024} MB)`);
  }
}

/** "line 3" from a JSON.parse message's position, so a broken file names where it broke. */
export function jsonErrorWhere(text: string, err: unknown, lineOffset = 0): string {
  const message = err instanceof Error ? err.message : String(err);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `line ${Number(lineCol[1]) + lineOffset}`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const at = Math.min(Number(position[1]), text.length);
    let line = 1;
    for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    return `line ${line + lineOffset}`;
  }
  return lineOffset ? `line ${lineOffset + 1}` : 'line 1';
}

export function parseJson(text: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ImportError(jsonErrorWhere(text, err, lineOffset), 'not valid JSON');
  }
}
