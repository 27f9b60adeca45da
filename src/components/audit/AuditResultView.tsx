import type { AuditClient, AuditResult } from '../../core/audit/types.ts';
import { AuditClientView } from './AuditClientView.tsx';
import { FindingList } from './FindingList.tsx';

/** Each client with the findings on its line; findings on other lines follow on their own. */
export function AuditResultView({ result, onUse }: { result: AuditResult; onUse(client: AuditClient): void }) {
  if (result.clients.length === 0 && result.findings.length === 0) {
    return (
      <p data-testid="audit-none">
        No HTTP client or SDK constructor found. The audit recognises httpx and httpx2 clients, the OpenAI and Anthropic SDKs, aiohttp sessions and undici agents and pools; code that
        builds them through a helper from another file is not followed.
      </p>
    );
  }
  const lines = new Set(result.clients.map((c) => c.line));
  const other = result.findings.filter((f) => !lines.has(f.line));
  return (
    <div className="audit-results">
      {result.clients.map((client, i) => (
        <AuditClientView key={`${client.line}-${i}`} client={client} index={i} findings={result.findings.filter((f) => f.line === client.line)} onUse={onUse} />
      ))}
      {other.length > 0 && (
        <section aria-labelledby="audit-other-title">
          <h3 id="audit-other-title">Other findings</h3>
          <FindingList findings={other} testId="audit-other-findings" />
        </section>
      )}
    </div>
  );
}
