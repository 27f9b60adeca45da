/** What the readers (otlp.ts, har.ts, table.ts) turn a file into, before any choice is made. */

export type ImportFormat = 'otlp' | 'har' | 'csv' | 'jsonl';
export const IMPORT_FORMATS: readonly ImportFormat[] = ['otlp', 'har', 'csv', 'jsonl'];

/** One HTTP call as a file describes it. Every field but the timing is optional: logs rarely carry all of them. */
export interface Call {
  /** Start, in milliseconds on the file's own clock (epoch or relative: only differences are used). */
  startMs: number;
  durationMs: number;
  /** `scheme://host[:port]`, lower-case, default port left out (see url.ts). */
  origin?: string;
  path?: string;
  method?: string;
  status?: number;
  model?: string;
  streaming?: boolean;
  /** A user or session id: its presence allows a closed-users fit. */
  user?: string;
}

/** A reader's output: the calls found, how many records were read, and what was left out and why. */
export interface ReadResult {
  calls: Call[];
  /** Records read: spans, HAR entries or table rows. */
  records: number;
  dropped: Record<string, number>;
  notes: string[];
}

export function countDrop(dropped: Record<string, number>, reason: string, by = 1): void {
  dropped[reason] = (dropped[reason] ?? 0) + by;
}
