/**
 * Snippet targets: ids, labels, file names and languages come from the clients table
 * (SNIPPET_TARGET_FACTS), generators from the client families (GENERATORS, complete per family, so
 * a target without a generator does not compile). The helpers every generator shares live here.
 */
import { GENERATORS, SNIPPET_TARGET_FACTS, type SnippetTargetId } from '../clients/registry.ts';
import type { SnippetGenerator, SnippetTargetFacts } from '../clients/types.ts';

export type { SnippetGenerator };

export interface SnippetTarget extends SnippetTargetFacts {
  generate: SnippetGenerator;
}

export const SNIPPET_TARGETS: readonly SnippetTarget[] = SNIPPET_TARGET_FACTS.map((facts) => ({
  ...facts,
  generate: GENERATORS[facts.id as SnippetTargetId],
}));

export function findSnippetTarget(id: string): SnippetTarget | undefined {
  return SNIPPET_TARGETS.find((t) => t.id === id);
}

export { buildSnippetInput, type SnippetInput, type PoolSizing } from './input.ts';
export { jsString, pyString } from './escape.ts';
