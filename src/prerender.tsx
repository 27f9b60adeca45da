/**
 * The page as first drawn, rendered to HTML at build time (vite.config.ts puts it into index.html):
 * a phone on a slow network sees the formula's answer and the inputs before any script has run.
 * It is the default scenario with no simulation yet, which boot.tsx hydrates in the same state;
 * public/theme-init.js hides it when a link or a saved scenario will replace it instead.
 */
import { renderToString } from 'react-dom/server';
import { Root } from './Root.tsx';

/** Marks the static copy: inert until hydrated (a tap before then would be lost) and hideable. */
export const PRERENDERED_ATTRIBUTES = 'data-prerendered="" inert=""';

export function renderApp(): string {
  const html = renderToString(<Root />);
  if (!html.startsWith('<div class="app">')) throw new Error('prerender: App no longer starts with <div class="app">');
  return html.replace('<div class="app">', `<div class="app" ${PRERENDERED_ATTRIBUTES}>`);
}
