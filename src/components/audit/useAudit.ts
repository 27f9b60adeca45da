import { startTransition, useEffect, useRef, useState } from 'react';
import type { AuditLanguage } from '../../worker/auditProtocol.ts';
import { AuditWorkerClient, type AuditAnswer } from '../../worker/auditClient.ts';

export type AuditState =
  | { phase: 'empty' }
  | { phase: 'reading' }
  | { phase: 'error'; message: string }
  | { phase: 'answered'; answer: AuditAnswer };

/** Typing pauses shorter than this do not start a run: each keystroke would otherwise abort the last. */
export const AUDIT_DEBOUNCE_MS = 250;

/**
 * Audits the text in the worker once typing pauses. Each run gets its own AbortSignal; a newer text
 * aborts the older run, so a slow parse of a large paste never overwrites the answer for what is
 * in the box now.
 */
export function useAudit(text: string, language: AuditLanguage | ''): AuditState {
  const [state, setState] = useState<AuditState>({ phase: 'empty' });
  const client = useRef<AuditWorkerClient | null>(null);
  useEffect(() => {
    const c = new AuditWorkerClient();
    c.warm();
    client.current = c;
    return () => c.dispose();
  }, []);
  useEffect(() => {
    if (text.trim() === '') {
      setState({ phase: 'empty' });
      return;
    }
    const controller = new AbortController();
    setState({ phase: 'reading' });
    const timer = setTimeout(() => {
      client.current
        ?.run({ text, ...(language && { language }) }, controller.signal)
        // A transition: a long list of clients renders in slices, typing stays responsive.
        .then((answer) => startTransition(() => setState({ phase: 'answered', answer })))
        .catch((err: unknown) => {
          if (controller.signal.aborted) return;
          setState({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
        });
    }, AUDIT_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, language]);
  return state;
}
