/** Messages between the import panel and the import worker (import.worker.ts). */
import type { Scenario } from '../core/index.ts';
import type { ImportFormat, ImportSummary, TrafficFit } from '../core/import/index.ts';

export interface ImportRequest {
  file: File;
  format?: ImportFormat;
  host?: string;
  /** `KEY=COLUMN,…`, as the CLI's --map. */
  map?: string;
}

type Workload = Scenario['workload'];

export type ImportReply =
  | { kind: 'progress'; readBytes: number; totalBytes: number }
  | {
      kind: 'done';
      summary: ImportSummary;
      fit: TrafficFit;
      /** The traced workload with its rows taken out: they travel as `rows` ([start, duration] pairs), transferred, not cloned. */
      traced: Workload;
      rows: Float64Array;
      fitted: Workload;
      /** Worker time from the first byte read to the reply, and by stage. */
      ms: number;
      stagesMs: { read: number; parse: number; fit: number; check: number };
    }
  | { kind: 'error'; message: string };
