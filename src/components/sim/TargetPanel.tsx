import { useState } from 'react';
import { describeTarget, formatNumber, isApplied, plural, type Proposal } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { selectFormulaProposal, selectTargetPreview, selectTargetProposal, selectTargetStatus } from '../../store/simSelectors.ts';
import { NumberField } from '../fields/NumberField.tsx';
import { SelectField } from '../fields/SelectField.tsx';

function ProposalCard({
  title,
  proposal,
  testId,
  pending,
  note,
  refining = false,
}: {
  title: string;
  proposal: Proposal | null;
  testId: string;
  pending: string;
  note?: string | undefined;
  /** A first answer the full search is still refining: shown, not applicable. */
  refining?: boolean;
}) {
  const scenario = useAppStore((s) => s.scenario);
  const apply = useAppStore((s) => s.applyProposal);
  const [refused, setRefused] = useState(false);
  const applied = proposal ? isApplied(proposal, scenario) : false;
  return (
    <div className="proposal" data-testid={testId}>
      <h3 className="proposal__title">{title}</h3>
      {proposal ? (
        <>
          <ul className="proposal__pools">
            {proposal.pools.map((p) => (
              <li key={p.name} data-testid={`${testId}-pool-${p.name}`}>
                {proposal.pools.length > 1 ? <strong>{p.name}: </strong> : null}
                <span data-testid={`${testId}-connections`}>{plural(p.maxConnections, 'connection')}</span>, {p.maxKeepalive} kept idle, keep-alive {p.keepaliveSec} s
                {p.perTenantMaxConnections !== undefined ? `, ${p.perTenantMaxConnections} per tenant` : ''}
                {p.tcpKeepaliveSec !== undefined ? `, TCP keep-alive probes every ${p.tcpKeepaliveSec} s` : ''}
              </li>
            ))}
          </ul>
          {note ? <p className="field__help">{note}</p> : null}
          <button
            type="button"
            disabled={applied || refining}
            data-testid={`${testId}-apply`}
            onClick={() => setRefused(!apply(proposal))}
            aria-describedby={refused ? `${testId}-refused` : undefined}
          >
            {refining ? 'Refining…' : applied ? 'Applied to your pool ✓' : 'Apply to your pool'}
          </button>
          {refused ? (
            <p id={`${testId}-refused`} className="field__error" role="alert">
              The scenario changed since this was computed; wait for the new proposal.
            </p>
          ) : null}
        </>
      ) : (
        <p className="chart__waiting" data-testid={`${testId}-pending`}>
          {pending}
        </p>
      )}
    </div>
  );
}

/**
 * Two proposals beside the user's pool: the formula's and the smallest pool meeting the target.
 * Neither changes anything until applied; the target-based one is shown only while it belongs to
 * the current inputs, so a stale answer can never be applied or exported.
 */
export function TargetPanel() {
  const target = useAppStore((s) => s.scenario.target);
  const recommendation = useAppStore((s) => s.targetRecommendation);
  const formula = useAppStore(selectFormulaProposal);
  const targetProposal = useAppStore(selectTargetProposal);
  const status = useAppStore(selectTargetStatus);
  const preview = useAppStore(selectTargetPreview);
  const searching = status === 'searching';
  return (
    <section className="card" aria-labelledby="target-title">
      <h2 id="target-title">Proposals for your pool</h2>
      <div className="grid">
        <SelectField
          path="target.metric"
          writePath="target"
          label="Target"
          help="What the pool must achieve under the simulated traffic."
          options={[
            { value: 'p99QueueWaitMs', label: 'p99 queue wait at most…' },
            { value: 'pWait', label: 'Share of requests that wait at most…' },
          ]}
          toValue={(metric) => (metric === 'pWait' ? { metric, value: 0.01 } : { metric: 'p99QueueWaitMs', value: 100 })}
        />
        {target.metric === 'pWait' ? (
          <NumberField path="target.value" scale={100} label="Requests that may wait" unit="%" help="1 % is a common goal." />
        ) : (
          <NumberField path="target.value" label="p99 queue wait" unit="ms" help="How long the slowest 1 % may wait for a connection." />
        )}
      </div>
      <div className="proposals">
        <ProposalCard title="Formula" proposal={formula} testId="proposal-formula" pending="" />
        {preview?.proposal ? (
          <ProposalCard
            title={`Meets ${describeTarget(target)}`}
            proposal={preview.proposal}
            testId="proposal-target"
            pending=""
            refining
            note={`First answer, from ${formatNumber(preview.requests, 0)} simulated requests per pool size; the search with ${formatNumber(preview.fullRequests, 0)} per size is refining it.`}
          />
        ) : (
          <ProposalCard
            title={`Meets ${describeTarget(target)}`}
            proposal={targetProposal}
            testId="proposal-target"
            pending={searching ? 'Searching for the smallest pool that meets the target…' : 'No pool in the searched range meets the target.'}
            note={recommendation && !searching ? recommendation.explanation : undefined}
          />
        )}
      </div>
      {recommendation && status === 'unmet' ? (
        <p data-testid="target-explanation">{recommendation.explanation}</p>
      ) : null}
    </section>
  );
}
