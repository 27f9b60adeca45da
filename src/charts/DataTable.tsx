import { useState } from 'react';

export interface Column<R> {
  label: string;
  value: (row: R) => string;
}

/**
 * The chart's numbers as a table, folded under the chart for screen readers and exact values. Its
 * rows are rendered only while it is open: hundreds of formatted cells per update otherwise cost
 * the page more than the chart itself.
 */
export function DataTable<R>({ id, caption, columns, rows }: { id: string; caption: string; columns: Column<R>[]; rows: R[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart__data" data-testid={`chart-${id}-data`} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Data table</summary>
      {open ? <TableBody caption={caption} columns={columns} rows={rows} /> : null}
    </details>
  );
}

function TableBody<R>({ caption, columns, rows }: { caption: string; columns: Column<R>[]; rows: R[] }) {
  return (
    <>
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
    </>
  );
}
