/**
 * Syntax highlighting with highlight.js core and only the grammars the snippet languages name
 * (LANGUAGES in src/core/clients/languages.ts), each loaded the first time a snippet in it is shown,
 * so the worker's first download stays small. highlight.js escapes the source text, so the HTML it
 * returns holds only its own <span class="hljs-…"> tags (a unit test checks this with hostile names).
 * Runs in highlight.worker.ts.
 */
import hljs from 'highlight.js/lib/core';
import type { LanguageFn } from 'highlight.js';
import { LANGUAGES, type HighlightGrammar, type LanguageId } from '../../core/clients/languages.ts';
// Colours come from styles.css (.hljs-* rules on the colour scheme's variables), for light and dark alike.

/**
 * One loader per grammar the languages table names, keyed on its `grammar` column: a language whose
 * grammar is new fails to compile until its line is added here. The module paths must be literal
 * for the bundler to split each grammar into its own chunk.
 */
const GRAMMARS: Record<HighlightGrammar, () => Promise<{ default: LanguageFn }>> = {
  javascript: () => import('highlight.js/lib/languages/javascript'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  python: () => import('highlight.js/lib/languages/python'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
};

export type HighlightLanguage = LanguageId;

const loading = new Map<HighlightGrammar, Promise<void>>();

/** Registers the language's grammar once; later calls share the first load. */
export function loadGrammar(language: HighlightLanguage): Promise<void> {
  const grammar = LANGUAGES[language].grammar;
  let load = loading.get(grammar);
  if (!load) {
    load = GRAMMARS[grammar]().then((module) => hljs.registerLanguage(grammar, module.default));
    // A failed download may succeed on the next snippet: forget it rather than cache the failure.
    load.catch(() => loading.delete(grammar));
    loading.set(grammar, load);
  }
  return load;
}

/** The highlighted HTML of `code`, its grammar loaded first when this is the language's first snippet. */
export async function highlightToHtml(code: string, language: HighlightLanguage): Promise<string> {
  await loadGrammar(language);
  return hljs.highlight(code, { language: LANGUAGES[language].grammar, ignoreIllegals: true }).value;
}
