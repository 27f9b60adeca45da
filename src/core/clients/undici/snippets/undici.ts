import { UNDICI8_CLIENT } from '../facts.ts';
import { renderUndici } from './undiciCommon.ts';
import type { SnippetInput } from '../../../snippets/input.ts';
import { nodeFetchNotes } from '../../../snippets/nodeFetch.ts';

export const UNDICI8 = UNDICI8_CLIENT;

/** undici 8 (Node ≥ 22.19): HTTP/2 on by default, and it multiplexes fetch POSTs on one connection. */
export function undiciSnippet(input: SnippetInput): string {
  return renderUndici(input, UNDICI8, `${UNDICI8.label} (checked on ${UNDICI8.poolLibrary}; Node.js >= 22.19); save as pool.mjs`, nodeFetchNotes(input));
}
