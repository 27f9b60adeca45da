import type { ReactNode } from 'react';

/** Title, the chart, and a one-line caption saying what to read from it. */
export function ChartCard({ id, title, caption, ready, children }: { id: string; title: string; caption: string; ready: boolean; children: ReactNode }) {
  return (
    <figure className="chart" data-testid={`chart-${id}`} data-ready={ready ? 'true' : 'false'} aria-labelledby={`chart-${id}-title`}>
      <h3 id={`chart-${id}-title`}>{title}</h3>
      <div className="chart__plot">{ready ? children : <p className="chart__waiting">Waiting for the simulation…</p>}</div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export const axisStyle = { fontSize: 12 } as const;
export const colors = { p50: '#1f5fa8', p99: '#b42318', pWait: '#9a6700', active: '#1f5fa8', idle: '#1a7f37', queued: '#b42318', pooled: '#1f5fa8', unpooled: '#8c959f' };
