/**
 * A trace's rows as one Float64Array of [start, duration] pairs. Run keys hash it (key.ts) and the
 * worker transport posts it (src/worker/traceTransport.ts), so a 200,000-row trace is walked once,
 * not once for each. Computed once per rows array: rows are never mutated, edits replace them.
 */
export type TraceRows = readonly (readonly [number, number])[];

const valuesOf = new WeakMap<TraceRows, Float64Array>();

export function traceValues(rows: TraceRows): Float64Array {
  let values = valuesOf.get(rows);
  if (!values) {
    values = new Float64Array(rows.length * 2);
    for (let i = 0; i < rows.length; i++) {
      values[2 * i] = rows[i]![0];
      values[2 * i + 1] = rows[i]![1];
    }
    valuesOf.set(rows, values);
  }
  return values;
}
