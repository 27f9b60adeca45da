import { formatNumber, type PoolSettings, type Scenario } from '../../core/index.ts';
import { maxRetries, readTimeoutSec, tcpKeepaliveSec } from '../../core/path/path.ts';
import { useAppStore } from '../../store/index.ts';
import { getAt } from '../../store/paths.ts';
import { NumberField } from '../fields/NumberField.tsx';

type TimingField = 'readTimeoutSec' | 'maxRetries' | 'tcpKeepaliveSec';

/** What an empty field stands for: the value the core uses when the pool leaves it unset. */
function defaultText(s: Scenario, at: string, field: TimingField): string {
  const pool = getAt(s, at) as PoolSettings | undefined;
  if (!pool) return 'not set';
  const unset: PoolSettings = { ...pool, [field]: undefined };
  if (field === 'readTimeoutSec') return `default ${formatNumber(readTimeoutSec(s, unset), 1)}`;
  if (field === 'maxRetries') return `default ${maxRetries(s, unset)}`;
  const probe = tcpKeepaliveSec(s, unset);
  return probe === null ? 'default: no probes' : `default ${formatNumber(probe, 1)}`;
}

/** The request timing a pool runs with on its path; each empty = the client's default, shown in the field. */
export function PoolTimingFields({ at }: { at: string }) {
  // Strings, so a keystroke elsewhere re-renders these only when a default really changes.
  const readDefault = useAppStore((s) => defaultText(s.scenario, at, 'readTimeoutSec'));
  const retriesDefault = useAppStore((s) => defaultText(s.scenario, at, 'maxRetries'));
  const probeDefault = useAppStore((s) => defaultText(s.scenario, at, 'tcpKeepaliveSec'));
  return (
    <>
      <NumberField
        path={`${at}.readTimeoutSec`}
        label="Read timeout"
        unit="s"
        optional
        placeholder={readDefault}
        help="Longest silence while reading a reply before the request fails; empty = 3 × the slowest class’s p99, at least 300 s."
      />
      <NumberField
        path={`${at}.maxRetries`}
        label="Retries"
        unit="attempts"
        optional
        placeholder={retriesDefault}
        help="Attempts after a failed one (connection error or read timeout); empty = the client’s default (the SDKs 2, raw clients none)."
      />
      <NumberField
        path={`${at}.tcpKeepaliveSec`}
        label="TCP keep-alive"
        unit="s"
        optional
        placeholder={probeDefault}
        help="Idle seconds before the first TCP probe, which keeps a silent NAT from forgetting a long read; 0 = no probes; empty = the client’s default."
      />
    </>
  );
}
