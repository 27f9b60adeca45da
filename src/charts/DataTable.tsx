export interface Column<R> {
  label: string;
  value: (row: R) => string;
}

/** The chart's numbers as a table, folded under the chart for screen readers and exact values. */
export function DataTable<R>({ id, caption, columns, rows }: { id: string; caption: string; columns: Column<R>[]; rows: R[] }) {
  return (
    <details className="chart__data" data-testid={`chart-${id}-data`}>
      <summary>Data table</summary>
      {/* Scrolls sideways in a narrow column: focusable and named, so the keyboard can scroll it too. */}
      <div className="chart__table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {columns.map((c, j) =>
                  j === 0 ? (
                    <th key={c.label} scope="row">
                      {c.value(row)}
                    </th>
                  ) : (
                    <td key={c.label}>{c.value(row)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
