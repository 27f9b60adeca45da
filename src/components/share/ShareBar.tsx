import { useEffect, useRef, useState } from 'react';
import { formatErrors, linkRefusal, parseScenarioJson, shareUrl } from '../../core/index.ts';
import { useAppStore } from '../../store/index.ts';
import { currentPayload, resetToDefaults } from '../../store/persistence.ts';
import { copyText, downloadText } from './clipboard.ts';

export function ShareBar() {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const [confirmingReset, setConfirmingReset] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // Focus follows the confirmation: into it on the safe choice when it opens, back to "Reset to
  // defaults" when it closes either way. Only on a change, so the page never steals focus on load.
  const shownBefore = useRef(confirmingReset);
  useEffect(() => {
    if (shownBefore.current === confirmingReset) return;
    shownBefore.current = confirmingReset;
    (confirmingReset ? keepButton : resetButton).current?.focus();
  }, [confirmingReset]);
  const addNotice = useAppStore((s) => s.addNotice);
  const refusal = useAppStore((s) => linkRefusal(s.scenario));
  const replaceScenario = useAppStore((s) => s.replaceScenario);

  const copyLink = async () => {
    const url = shareUrl(window.location.href, currentPayload());
    const ok = await copyText(url);
    setCopied(ok ? 'copied' : 'failed');
    setTimeout(() => setCopied('idle'), 2500);
  };

  const exportFile = () => {
    const scenario = useAppStore.getState().scenario;
    downloadText(`${scenario.preset ?? 'scenario'}.pool-sizer.json`, `${JSON.stringify(scenario, null, 2)}\n`, 'application/json');
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 5_000_000) {
      addNotice('error', `“${file.name}” is too large to be a scenario (over 5 MB); nothing was changed.`);
      return;
    }
    const result = parseScenarioJson(await file.text());
    if (result.ok) {
      replaceScenario(result.scenario);
      addNotice('info', `Loaded the scenario from “${file.name}”.`);
    } else {
      addNotice('error', `“${file.name}” is not a valid scenario: ${formatErrors(result.errors)}. Your current scenario was kept.`);
    }
  };

  return (
    <section className="card share-bar" aria-label="Share and save">
      <button type="button" onClick={copyLink} data-testid="copy-link" disabled={refusal !== null} aria-describedby={refusal ? 'link-refusal' : undefined}>
        {copied === 'copied' ? 'Link copied ✓' : copied === 'failed' ? 'Copy failed — use the address bar' : 'Copy link'}
      </button>
      <span className="sr-only" role="status">
        {copied === 'copied' ? 'Share link copied to the clipboard' : ''}
      </span>
      {refusal && (
        <p id="link-refusal" className="field__help" data-testid="link-refusal">
          No link, and no copy saved in this browser: {refusal}. Export the scenario (.json) to keep or share it.
        </p>
      )}
      <button type="button" className="secondary" onClick={exportFile} data-testid="export-scenario">
        Export scenario (.json)
      </button>
      <button type="button" className="secondary" onClick={() => fileInput.current?.click()}>
        Import scenario…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        hidden
        data-testid="import-scenario"
        onChange={(e) => {
          void importFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {confirmingReset ? (
        <span
          className="confirm"
          role="alertdialog"
          aria-labelledby="reset-question"
          data-testid="reset-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirmingReset(false);
          }}
        >
          <span id="reset-question">Discard your scenario and start from the defaults?</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              resetToDefaults();
              setConfirmingReset(false);
            }}
          >
            Discard and reset
          </button>
          <button ref={keepButton} type="button" className="secondary" onClick={() => setConfirmingReset(false)} data-testid="reset-keep">
            Keep my scenario
          </button>
        </span>
      ) : (
        <button ref={resetButton} type="button" className="secondary" onClick={() => setConfirmingReset(true)} data-testid="reset">
          Reset to defaults
        </button>
      )}
    </section>
  );
}
