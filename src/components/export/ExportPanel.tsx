import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/index.ts';
import { EXPORT_TABS, selectExportChanges, selectTabSnippets, type GeneratedSnippet } from '../../store/exportSelectors.ts';
import { LANGUAGES, plural } from '../../core/index.ts';
import { copyText, downloadText } from '../share/clipboard.ts';
import { useHighlighted } from './useHighlighted.ts';
import { Tabs } from '../ui/Tabs.tsx';
import { useOnScreen } from '../ui/useOnScreen.ts';

function SnippetView({ snippet }: { snippet: GeneratedSnippet }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const { target, code } = snippet;
  const [onScreen, watch] = useOnScreen();
  const seen = useRef(false);
  if (onScreen) seen.current = true;
  const highlighted = useHighlighted(code, target.language, seen.current);
  const copy = async () => {
    setCopied((await copyText(code)) ? 'copied' : 'failed');
    setTimeout(() => setCopied('idle'), 2500);
  };
  return (
    <div className="snippet" data-testid={`snippet-${target.id}`}>
      <div className="snippet__bar">
        <strong>{target.label}</strong> <code>{target.filename}</code>
        <span className="snippet__actions">
          <button type="button" onClick={copy} data-testid={`copy-${target.id}`}>
            {copied === 'copied' ? 'Copied ✓' : copied === 'failed' ? 'Copy failed' : 'Copy'}
          </button>
          <button type="button" className="secondary" onClick={() => downloadText(target.filename, code, LANGUAGES[target.language].mime)} data-testid={`download-${target.id}`}>
            Download {target.filename.slice(target.filename.lastIndexOf('.'))}
          </button>
        </span>
        <span className="sr-only" role="status">
          {copied === 'copied' ? `${target.label} code copied to the clipboard` : ''}
        </span>
      </div>
      {/* Focusable, so the keyboard can scroll it (axe: scrollable-region-focusable). highlight.js escapes the code: its output holds only its own span tags. */}
      <pre className="snippet__code" tabIndex={0} ref={watch}>
        {highlighted === null ? (
          <code key="plain" className="hljs" data-testid={`code-${target.id}`} data-highlighted="false">
            {code}
          </code>
        ) : (
          <code key="highlighted" className={`hljs language-${target.language}`} data-testid={`code-${target.id}`} data-highlighted="true" dangerouslySetInnerHTML={{ __html: highlighted }} />
        )}
      </pre>
    </div>
  );
}

export function ExportPanel() {
  const tab = useAppStore((s) => s.snippetTab);
  const setTab = useAppStore((s) => s.setSnippetTab);
  const pools = useAppStore(useShallow((s) => [s.scenario.pool, ...s.scenario.pools]));
  const changes = useAppStore(selectExportChanges);
  const snippets = useAppStore((s) => selectTabSnippets(s, window.location.href));
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export: ready-to-paste client configuration</h2>
      <p className="field__help" data-testid="export-source">
        Exports your pool{pools.length > 1 ? 's' : ''}, exactly as simulated:{' '}
        {pools
          .map((p) => `${pools.length > 1 ? `${p.name}: ` : ''}${plural(p.maxConnections, 'connection')}, ${p.maxKeepalive} kept idle, keep-alive ${p.keepaliveSec} s`)
          .join('; ')}
        . Apply a proposal above to export it instead. Keys come from environment variables; none is ever written into the code.
      </p>
      {changes ? (
        <p className="field__help" data-testid="export-changes">
          {changes.changes.length
            ? `Changes from the ${changes.client.label} defaults: ${changes.changes.join('; ')}.`
            : `Same as the ${changes.client.label} defaults.`}
        </p>
      ) : null}
      <Tabs idBase="export" label="Library" tabs={EXPORT_TABS} selected={tab} onSelect={setTab}>
        {snippets.map((snippet) => (
          <SnippetView key={snippet.target.id} snippet={snippet} />
        ))}
      </Tabs>
    </section>
  );
}
