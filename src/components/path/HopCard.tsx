import { formatNumber, type Hop } from '../../core/index.ts';
import { HOP_FACTS, ON_IDLE, ON_IDLE_WORDS } from '../../core/path/hops.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { SelectField } from '../fields/SelectField.tsx';
import { HopKindField } from './HopKindField.tsx';
import { hopLabel, hopPath } from './hopEdits.ts';
import * as css from './pathStyles.ts';

/** Where a known kind's figure was read: a plain link (the page itself fetches nothing from it). */
function HopSource({ hop }: { hop: Hop }) {
  if (hop.kind === 'custom' || hop.kind === 'server') return null;
  const facts = HOP_FACTS[hop.kind];
  return (
    <p className="field__help" style={css.summary}>
      {facts.configurable ? 'The operator’s default; configurable. ' : 'Not configurable. '}
      <a href={facts.source.url} target="_blank" rel="noopener noreferrer" title={facts.source.title}>
        Source
      </a>
    </p>
  );
}

/** One hop: what it is, how long it lets a connection idle and what it then does; editable and removable. */
export function HopCard({ index, hop, last, onRemove }: { index: number; hop: Hop; last: boolean; onRemove: () => void }) {
  const at = hopPath(index);
  const titleId = `hop-${index}-title`;
  return (
    <fieldset style={css.card} data-testid={`hop-${index}`}>
      <legend id={titleId} style={{ fontWeight: 600 }}>
        {hopLabel(hop.kind)}
      </legend>
      <p style={css.summary} data-testid={`hop-${index}-summary`}>
        <strong>{formatNumber(hop.idleSec, 1)} s</strong> idle, then {ON_IDLE_WORDS[hop.onIdle]}
      </p>
      <HopSource hop={hop} />
      <div className="grid">
        <HopKindField index={index} hop={hop} last={last} />
        <NumberField path={`${at}.idleSec`} label="Idle limit" unit="s" help="A connection idle this long is closed or forgotten." />
        {hop.kind === 'custom' ? (
          <SelectField
            path={`${at}.onIdle`}
            label="Then it"
            help="Silent drops go unnoticed until the next request hangs."
            options={ON_IDLE.map((o) => ({ value: o, label: ON_IDLE_WORDS[o] }))}
          />
        ) : null}
      </div>
      <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove hop ${index + 1} (${hopLabel(hop.kind)})`}>
        Remove
      </button>
    </fieldset>
  );
}
