/** How an audited pool's fields read on the page: units, "no cap" for null, never a guessed number. */
import type { AuditClient, AuditPool, PoolField } from '../../core/audit/types.ts';

export interface FigureRow {
  field: PoolField;
  label: string;
  text: string;
  /** Set when the code decides the value at run time: why. */
  unknown?: string;
  /** Set when the figure is an environment variable's fallback: the variable. */
  env?: string;
}

const LABELS: Record<PoolField, string> = {
  maxConnections: 'Connections',
  maxKeepalive: 'Kept idle',
  keepaliveSec: 'Keep-alive',
  protocol: 'Protocol',
  poolTimeoutSec: 'Pool timeout',
  perHost: 'Per host',
};

const NONE: Record<PoolField, string> = {
  maxConnections: 'no cap',
  maxKeepalive: 'no cap (every idle connection kept)',
  keepaliveSec: 'no expiry',
  protocol: '',
  poolTimeoutSec: 'none (waits without limit)',
  perHost: 'no per-host cap',
};

const SECONDS = new Set<PoolField>(['keepaliveSec', 'poolTimeoutSec']);

function valueText(pool: AuditPool, field: PoolField): string {
  if (field === 'protocol') return pool.protocol === 'h2' ? 'HTTP/2' : pool.protocol === 'h1' ? 'HTTP/1.1' : 'unknown';
  const v = pool[field];
  if (v === 'unknown') return 'unknown';
  if (v === null) return NONE[field];
  return SECONDS.has(field) ? `${v.toLocaleString('en-US')} s` : v.toLocaleString('en-US');
}

/** The reason the audit gave for a field it could not read (`maxConnections: …`), or one for the whole pool. */
function whyUnknown(client: AuditClient, field: PoolField): string {
  const own = client.unknown.find((u) => u.startsWith(`${field}:`));
  const whole = client.unknown.find((u) => u.startsWith('pool:'));
  const why = (own ?? whole ?? '').replace(/^\w+:\s*/, '');
  return why || 'decided at run time';
}

export function figureRows(client: AuditClient, pool: AuditPool): FigureRow[] {
  return (Object.keys(LABELS) as PoolField[]).map((field) => {
    const row: FigureRow = { field, label: LABELS[field], text: valueText(pool, field) };
    if (pool[field] === 'unknown') row.unknown = whyUnknown(client, field);
    const env = client.fromEnv.find((e) => e.field === field);
    if (env) row.env = env.variable;
    return row;
  });
}
