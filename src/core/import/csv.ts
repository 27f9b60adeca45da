/** CSV lines per RFC 4180 (quoted fields, doubled quotes), with the delimiter guessed from the header. */
import { ImportError } from './errors.ts';

export function detectDelimiter(header: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

/**
 * Splits one record. Quoted fields spanning lines are not supported: a request log has none, and
 * refusing them keeps every error's line number exact.
 */
export function splitCsvLine(line: string, delimiter: string, lineNumber: number): string[] {
  const cells: string[] = [];
  let i = 0;
  const n = line.length;
  while (i <= n) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new ImportError(`line ${lineNumber}`, 'unterminated quoted field');
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(value);
      if (i < n && line[i] !== delimiter) throw new ImportError(`line ${lineNumber}`, `unexpected character after a quoted field at column ${i + 1}`);
      i++;
    } else {
      const next = line.indexOf(delimiter, i);
      const end = next < 0 ? n : next;
      const cell = line.slice(i, end);
      // trim() allocates only when there is something to cut.
      cells.push(cell.charCodeAt(0) <= 32 || cell.charCodeAt(cell.length - 1) <= 32 ? cell.trim() : cell);
      i = end + 1;
    }
  }
  return cells;
}
