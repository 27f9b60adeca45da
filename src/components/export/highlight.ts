/**
 * Syntax highlighting with highlight.js core and only the three grammars the snippets use, to keep
 * the bundle small. highlight.js escapes the source text, so the HTML it returns holds only its own
 * <span class="hljs-…"> tags (a unit test checks this with hostile names). Runs in highlight.worker.ts.
 */
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
// Colours come from styles.css (.hljs-* rules on the colour scheme's variables), for light and dark alike.

hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('python', python);

export type HighlightLanguage = 'javascript' | 'typescript' | 'python';

export function highlightToHtml(code: string, language: HighlightLanguage): string {
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
