/** The format from the file's name and first characters, when the user does not name it. */
import type { ImportFormat } from './types.ts';

export function detectFormat(text: string, fileName = ''): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.har')) return 'har';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (/"resourceSpans"\s*:/.test(head) || /"resourceSpans"\s*:/.test(text.slice(0, 1 << 20))) return 'otlp';
    if (/^\{\s*"log"\s*:/.test(head)) return 'har';
    return 'jsonl';
  }
  return 'csv';
}
