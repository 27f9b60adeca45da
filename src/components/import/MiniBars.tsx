/** A small bar chart as inline SVG: the shape of a histogram or a rate over time, with its numbers in the label. */
export function MiniBars({ values, label, testId }: { values: readonly number[]; label: string; testId?: string }) {
  const max = Math.max(...values, 0) || 1;
  const width = 240;
  const height = 40;
  const bar = width / Math.max(values.length, 1);
  return (
    <svg className="import-bars" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={label} data-testid={testId}>
      {values.map((v, i) => (
        <rect key={i} x={i * bar + 0.5} width={Math.max(bar - 1, 0.5)} y={height - (v / max) * height} height={(v / max) * height} fill="currentColor" opacity={0.7} />
      ))}
    </svg>
  );
}
