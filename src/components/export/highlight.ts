/**
 * Syntax highlighting with highlight.js core and only the grammars the snippet languages name
 * (LANGUAGES in src/core/clients/languages.ts), to keep the bundle small. highlight.js escapes the source text, so the HTML it returns holds only its own
 * <span class="hljs-…"> tags (a unit test checks this with hostile names). Runs in highlight.worker.ts.
 */
import hljs from 'highlight.js/lib/core';
import type { LanguageFn } from 'highlight.js';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import { LANGUAGES, type HighlightGrammar, type LanguageId } from '../../core/clients/languages.ts';
// Colours come from styles.css (.hljs-* rules on the colour scheme's variables), for light and dark alike.

// Keyed on the grammars the languages table names: a new language's grammar must be imported here.
const GRAMMARS: Record<HighlightGrammar, LanguageFn> = { javascript, typescript, python, go, java };
for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);

export type HighlightLanguage = LanguageId;

export function highlightToHtml(code: string, language: HighlightLanguage): string {
  return hljs.highlight(code, { language: LANGUAGES[language].grammar, ignoreIllegals: true }).value;
}
