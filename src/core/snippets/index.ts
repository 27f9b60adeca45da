/**
 * Snippet targets: ids, labels, file names and languages come from the clients table
 * (SNIPPET_TARGET_FACTS in clients.ts); this file adds one generator per target. The Record below
 * is keyed by every target id of the table, so a target without a generator does not compile.
 */
import { SNIPPET_TARGET_FACTS, type SnippetTargetFacts, type SnippetTargetId } from '../clients.ts';
import { httpxSnippet, httpxSyncSnippet } from './httpx.ts';
import { httpx2Snippet, httpx2SyncSnippet } from './httpx2.ts';
import type { SnippetInput } from './input.ts';
import { monitorHttpx2Snippet, monitorHttpxSnippet } from './monitorHttpx.ts';
import { monitorUndiciSnippet } from './monitorUndici.ts';
import { anthropicPySnippet, openaiPySnippet } from './sdkPython.ts';
import { anthropicTsSnippet, openaiTsSnippet } from './sdkTypescript.ts';
import { undiciSnippet } from './undici.ts';
import { undici7Snippet } from './undici7.ts';

export type SnippetGenerator = (input: SnippetInput) => string;

export interface SnippetTarget extends SnippetTargetFacts {
  generate: SnippetGenerator;
}

const GENERATORS: Record<SnippetTargetId, SnippetGenerator> = {
  undici: undiciSnippet,
  'monitor-undici': monitorUndiciSnippet,
  undici7: undici7Snippet,
  httpx: httpxSnippet,
  'httpx-sync': httpxSyncSnippet,
  'monitor-httpx': monitorHttpxSnippet,
  httpx2: httpx2Snippet,
  'httpx2-sync': httpx2SyncSnippet,
  'monitor-httpx2': monitorHttpx2Snippet,
  'openai-py': openaiPySnippet,
  'anthropic-py': anthropicPySnippet,
  'openai-ts': openaiTsSnippet,
  'anthropic-ts': anthropicTsSnippet,
};

export const SNIPPET_TARGETS: readonly SnippetTarget[] = SNIPPET_TARGET_FACTS.map((facts) => ({
  ...facts,
  generate: GENERATORS[facts.id as SnippetTargetId],
}));

export function findSnippetTarget(id: string): SnippetTarget | undefined {
  return SNIPPET_TARGETS.find((t) => t.id === id);
}

export { buildSnippetInput, type SnippetInput, type PoolSizing } from './input.ts';
export { jsString, pyString } from './escape.ts';
