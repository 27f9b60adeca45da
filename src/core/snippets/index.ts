/**
 * Snippet targets, one generator file each, in one table: the CLI, the export panel and the tests
 * all iterate over it. Each entry says the file name to save as and the language to highlight.
 */
import { anthropicPySnippet, openaiPySnippet } from './sdkPython.ts';
import { anthropicTsSnippet, openaiTsSnippet } from './sdkTypescript.ts';
import { httpxSnippet } from './httpx.ts';
import { httpxSyncSnippet } from './httpxSync.ts';
import type { SnippetInput } from './input.ts';
import { monitorHttpxSnippet } from './monitorHttpx.ts';
import { monitorUndiciSnippet } from './monitorUndici.ts';
import { undiciSnippet } from './undici.ts';
import { undici7Snippet } from './undici7.ts';

export interface SnippetTarget {
  id: string;
  label: string;
  language: 'javascript' | 'typescript' | 'python';
  filename: string;
  generate(input: SnippetInput): string;
}

export const SNIPPET_TARGETS: readonly SnippetTarget[] = [
  { id: 'undici', label: 'undici 8', language: 'javascript', filename: 'pool.mjs', generate: undiciSnippet },
  { id: 'undici7', label: 'undici 7', language: 'javascript', filename: 'pool.mjs', generate: undici7Snippet },
  { id: 'httpx', label: 'httpx async', language: 'python', filename: 'pool.py', generate: httpxSnippet },
  { id: 'httpx-sync', label: 'httpx sync', language: 'python', filename: 'pool.py', generate: httpxSyncSnippet },
  { id: 'anthropic-py', label: 'Anthropic SDK (Python)', language: 'python', filename: 'anthropic_client.py', generate: anthropicPySnippet },
  { id: 'anthropic-ts', label: 'Anthropic SDK (TypeScript)', language: 'typescript', filename: 'anthropic-client.ts', generate: anthropicTsSnippet },
  { id: 'openai-py', label: 'OpenAI SDK (Python)', language: 'python', filename: 'openai_client.py', generate: openaiPySnippet },
  { id: 'openai-ts', label: 'OpenAI SDK (TypeScript)', language: 'typescript', filename: 'openai-client.ts', generate: openaiTsSnippet },
  { id: 'monitor-undici', label: 'Monitor (undici)', language: 'javascript', filename: 'pool-monitor.mjs', generate: monitorUndiciSnippet },
  { id: 'monitor-httpx', label: 'Monitor (httpx)', language: 'python', filename: 'pool_monitor.py', generate: monitorHttpxSnippet },
];

export function findSnippetTarget(id: string): SnippetTarget | undefined {
  return SNIPPET_TARGETS.find((t) => t.id === id);
}

export { buildSnippetInput, type SnippetInput, type SizingChoice, type PoolSizing } from './input.ts';
export { jsString, pyString } from './escape.ts';
