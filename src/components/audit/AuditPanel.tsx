import { useEffect, useId, useRef, useState } from 'react';
import { adoptAudited } from '../../core/audit/adopt.ts';
import type { AuditClient } from '../../core/audit/types.ts';
import type { SnippetTab } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import type { AuditLanguage } from '../../worker/auditProtocol.ts';
import { AuditResultView } from './AuditResultView.tsx';
import { useAudit } from './useAudit.ts';

const LANGUAGE_NAMES: Record<AuditLanguage, string> = { python: 'Python', javascript: 'JavaScript', typescript: 'TypeScript', go: 'Go', java: 'Java' };

/**
 * Paste client code, see the pool each client really builds. The code is untrusted: it is parsed in
 * a worker, never run, and shown only as React text. "Use as my pool" writes one client and its pool
 * into the scenario, so the simulation, the verdicts and the export follow that code.
 */
export function AuditPanel() {
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<AuditLanguage | ''>('');
  const [used, setUsed] = useState<string | null>(null);
  const state = useAudit(text, language);
  const replaceScenario = useAppStore((s) => s.replaceScenario);
  const setSnippetTab = useAppStore((s) => s.setSnippetTab);
  const box = useRef<HTMLTextAreaElement>(null);
  const codeId = useId();
  const helpId = useId();
  // The button that opened the panel is gone: focus moves to where the user pastes.
  useEffect(() => box.current?.focus(), []);

  const use = (client: AuditClient) => {
    const adopted = adoptAudited(useAppStore.getState().scenario, client);
    if (!adopted.ok) {
      setUsed(`Not used: ${adopted.reason}.`);
      return;
    }
    replaceScenario(adopted.scenario);
    setSnippetTab(adopted.scenario.client as SnippetTab);
    const pool = adopted.scenario.pool;
    const kept = adopted.kept.length ? ` The code sets ${adopted.kept.length === 1 ? 'one value' : 'some values'} at run time, so your scenario’s stay: ${adopted.kept.join(', ')}.` : '';
    setUsed(`Your pool is now ${client.library} (line ${client.line}): ${pool.maxConnections} connections, ${pool.maxKeepalive} kept idle, keep-alive ${pool.keepaliveSec} s.${kept}`);
  };

  return (
    <section className="card audit-panel" aria-labelledby="audit-title" data-testid="audit-panel">
      <h2 id="audit-title">Paste your client code</h2>
      <p className="field__help" id={helpId}>
        The pools your code really builds: httpx and httpx2, the OpenAI and Anthropic SDKs, aiohttp, undici, Go’s net/http and OkHttp. The code is read, never run, and stays in this browser.
      </p>
      <div className="audit-controls">
        <label htmlFor={codeId}>Your client code</label>
        <textarea
          id={codeId}
          ref={box}
          className="audit-code"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setUsed(null);
          }}
          rows={10}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          wrap="off"
          aria-describedby={helpId}
          data-testid="audit-code"
        />
        <label>
          Language{' '}
          <select value={language} onChange={(e) => setLanguage(e.target.value as AuditLanguage | '')} data-testid="audit-language">
            <option value="">detect from the code</option>
            {(Object.keys(LANGUAGE_NAMES) as AuditLanguage[]).map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="status" aria-live="polite" data-testid="audit-status">
        {state.phase === 'reading' && <p className="field__help">Reading the code…</p>}
        {state.phase === 'answered' && state.answer.kind === 'done' && (
          <p className="field__help" data-testid="audit-summary">
            Read as {LANGUAGE_NAMES[state.answer.language]}
            {language ? '' : ' (detected)'}: {state.answer.result.clients.length} client{state.answer.result.clients.length === 1 ? '' : 's'}, {state.answer.result.findings.length} finding
            {state.answer.result.findings.length === 1 ? '' : 's'}, in {state.answer.ms} ms.
          </p>
        )}
        {used && (
          <p className="audit-used" data-testid="audit-used">
            {used}
          </p>
        )}
      </div>
      {state.phase === 'error' && (
        <p role="alert" className="field__error" data-testid="audit-error">
          Could not read the code: {state.message}
        </p>
      )}
      {state.phase === 'answered' && state.answer.kind === 'too-large' && (
        <p role="alert" className="field__error" data-testid="audit-error">
          The pasted code is {state.answer.chars.toLocaleString('en-US')} characters; the audit reads at most {state.answer.limit.toLocaleString('en-US')}. Paste the module that builds the client.
        </p>
      )}
      {state.phase === 'answered' && state.answer.kind === 'done' && <AuditResultView result={state.answer.result} onUse={use} />}
    </section>
  );
}
