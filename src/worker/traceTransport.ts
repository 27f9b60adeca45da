/**
 * How a trace crosses the worker boundary. Not as its rows: structured cloning 200,000 two-number
 * arrays took about 200 ms of the page's main thread per job (Chromium, this machine, CPU profiler),
 * and an edit posts some twenty jobs. The rows go as their Float64Array (`traceValues`), and each worker
 * is sent that array once (about 25 ms to clone for 200,000 rows); later jobs of the same trace name it
 * by id, and the worker keeps the rows it unpacked. Copying the array per job instead cost 10–30 ms a
 * job on the main thread (`slice()` and the typed-array constructor, measured).
 */
import { traceValues, type Scenario, type TraceRows } from '../core/index.ts';

/** A trace as a job names it: `values` only when the worker may not have it yet. */
export interface TraceRef {
  id: number;
  values?: Float64Array;
}

export type PackedTrace = Required<TraceRef>;

const packed = new WeakMap<TraceRows, PackedTrace>();
let nextTraceId = 1;

function pack(rows: TraceRows): PackedTrace {
  let trace = packed.get(rows);
  if (!trace) {
    trace = { id: nextTraceId++, values: traceValues(rows) };
    packed.set(rows, trace);
  }
  return trace;
}

/** The scenario to post without its trace rows, and the packed trace (shared by every job of those rows). */
export function packScenario(scenario: Scenario): { scenario: Scenario; trace?: PackedTrace } {
  const arrival = scenario.workload.arrival;
  if (arrival.kind !== 'trace') return { scenario };
  return { scenario: { ...scenario, workload: { ...scenario.workload, arrival: { ...arrival, rows: [] } } }, trace: pack(arrival.rows) };
}

/** The worker's side: the rows of the last trace it was sent. */
export class TraceCache {
  private last: { id: number; rows: [number, number][] } | null = null;

  /** The scenario as it was before `packScenario`. */
  restore(scenario: Scenario, ref: TraceRef | undefined): Scenario {
    const arrival = scenario.workload.arrival;
    if (!ref || arrival.kind !== 'trace') return scenario;
    if (ref.values) {
      const values = ref.values;
      const rows: [number, number][] = new Array(values.length / 2);
      for (let i = 0; i < rows.length; i++) rows[i] = [values[2 * i]!, values[2 * i + 1]!];
      this.last = { id: ref.id, rows };
    }
    // The client sends the values to every worker that has not had them; a miss is a bug, not bad input.
    if (this.last?.id !== ref.id) throw new Error(`trace ${ref.id} was never sent to this worker`);
    return { ...scenario, workload: { ...scenario.workload, arrival: { ...arrival, rows: this.last.rows } } };
  }
}
