import { useEffect, useState } from 'react';
import type { HighlightLanguage } from './highlight.ts';
import type { HighlightReply, HighlightRequest } from './highlight.worker.ts';

/** Recent results, so switching back to a tab or undoing an edit shows colours at once. */
const CACHE_LIMIT = 48;
const cache = new Map<string, string>();
const waiting = new Map<number, { key: string; resolve: (html: string) => void }>();
let worker: Worker | null = null;
let nextId = 1;

const keyOf = (code: string, language: HighlightLanguage) => `${language}\n${code}`;

function remember(key: string, html: string): void {
  cache.delete(key);
  cache.set(key, html);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
}

function highlighter(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<HighlightReply>) => {
    const job = waiting.get(event.data.id);
    if (!job) return;
    waiting.delete(event.data.id);
    remember(job.key, event.data.html);
    job.resolve(event.data.html);
  };
  return worker;
}

function requestHighlight(code: string, language: HighlightLanguage, resolve: (html: string) => void): void {
  const request: HighlightRequest = { id: nextId++, code, language };
  waiting.set(request.id, { key: keyOf(code, language), resolve });
  highlighter().postMessage(request);
}

/**
 * The highlighted HTML of `code`, or null while the worker is still on it (show the plain text).
 * Never the HTML of older code: the answer is looked up by the code it was made from. Nothing is
 * requested until `wanted` (the code has been scrolled near), so the first load does not start the
 * highlighting worker for code far below the answer.
 */
export function useHighlighted(code: string, language: HighlightLanguage, wanted: boolean): string | null {
  const key = keyOf(code, language);
  const [done, setDone] = useState<{ key: string; html: string } | null>(null);
  const cached = cache.get(key);
  useEffect(() => {
    if (!wanted || cache.has(key) || typeof Worker === 'undefined') return;
    let live = true;
    requestHighlight(code, language, (html) => live && setDone({ key, html }));
    return () => {
      live = false;
    };
  }, [code, language, key, wanted]);
  if (cached !== undefined) return cached;
  return done?.key === key ? done.html : null;
}
