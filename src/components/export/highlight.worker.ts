/**
 * Highlights snippets off the main thread: highlight.js compiles a grammar on first use and then
 * spends tens of milliseconds per snippet (over 100 ms at a phone's CPU speed), which would block
 * typing on every scenario change. The page shows the plain code until the highlighted HTML arrives.
 */
import { highlightToHtml, type HighlightLanguage } from './highlight.ts';

export interface HighlightRequest {
  id: number;
  code: string;
  language: HighlightLanguage;
}

export interface HighlightReply {
  id: number;
  html: string;
}

self.onmessage = async (event: MessageEvent<HighlightRequest>) => {
  const { id, code, language } = event.data;
  // Replies carry the request's id: one waiting on its grammar's first load may come after a later one.
  const reply: HighlightReply = { id, html: await highlightToHtml(code, language) };
  self.postMessage(reply);
};
