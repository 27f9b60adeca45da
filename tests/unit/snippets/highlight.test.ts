import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnippetInput, LANGUAGES, SNIPPET_TARGETS } from '../../../src/core/index.ts';
import { highlightToHtml } from '../../../src/components/export/highlight.ts';
import { scenarioArb } from '../arbitraries.ts';

describe('highlighted snippets', () => {
  it('should hold no markup but highlight.js spans, whatever the names', async () => {
    for (const scenario of fc.sample(scenarioArb, { numRuns: 25, seed: 7 })) {
      const input = buildSnippetInput(scenario);
      for (const target of SNIPPET_TARGETS) {
        const html = await highlightToHtml(target.generate(input), target.language);
        const tags = html.match(/<[^>]*>/g) ?? [];
        for (const tag of tags) expect(tag).toMatch(/^<(span class="hljs-[a-z_ .-]+"|\/span)>$/);
      }
    }
  });

  it('should load a grammar for every language in the table, and colour its keywords', async () => {
    for (const language of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
      const keyword = { javascript: 'const', typescript: 'const', python: 'def', go: 'func', java: 'class' }[language];
      expect(await highlightToHtml(`${keyword} x`, language), language).toContain(`<span class="hljs-keyword">${keyword}</span>`);
    }
  });
});
