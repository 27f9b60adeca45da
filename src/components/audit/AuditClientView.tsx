import type { AuditClient, Finding } from '../../core/audit/types.ts';
import { figureRows } from './figures.ts';
import { FindingList } from './FindingList.tsx';

interface Props {
  client: AuditClient;
  index: number;
  findings: Finding[];
  onUse(client: AuditClient): void;
}

/** One client the code builds: what it is, the pool the library really builds, what it ignores, what to fix. */
export function AuditClientView({ client, index, findings, onUse }: Props) {
  const titleId = `audit-client-${index}`;
  return (
    <article className="audit-client" aria-labelledby={titleId} data-testid={`audit-client-${index}`} data-client={client.client}>
      <h3 id={titleId}>
        <code>{client.library}</code>, line {client.line}
      </h3>
      {client.pools.length === 0 && <p className="field__help">No pool: the code fails before it builds one.</p>}
      {client.pools.map((pool, p) => (
        <dl key={p} className="audit-pool">
          {figureRows(client, pool).map((row) => (
            <div key={row.field} className="audit-pool__row" data-testid={`audit-${index}-${row.field}`} data-unknown={row.unknown ? 'true' : undefined}>
              <dt>{row.label}</dt>
              <dd>
                <strong>{row.text}</strong>
                {row.unknown && <span className="audit-mark"> — set at run time: {row.unknown}</span>}
                {row.env && <span className="audit-mark"> — the fallback of the environment variable {row.env}; production may set another value</span>}
              </dd>
            </div>
          ))}
        </dl>
      ))}
      {client.notes.length > 0 && (
        <ul className="audit-notes" aria-label="What the library ignores, drops or overrides">
          {client.notes.map((n, i) => (
            <li key={i}>
              {n.text}
              {n.source && (
                <span className="field__help">
                  {' '}
                  ({n.source.package}, {n.source.file}:{n.source.line})
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <FindingList findings={findings} testId={`audit-${index}-findings`} />
      {client.pools.length > 0 && (
        <button type="button" onClick={() => onUse(client)} aria-describedby={titleId} data-testid={`audit-${index}-use`}>
          Use as my pool
        </button>
      )}
    </article>
  );
}
