import { UNDICI7_CLIENT } from '../facts.ts';
import { renderUndici } from './undiciCommon.ts';
import type { SnippetInput } from '../../../snippets/input.ts';

export const UNDICI7 = UNDICI7_CLIENT;

/**
 * undici 7 (Node ≥ 20.18). Over HTTP/2 it does not multiplex fetch POSTs (non-idempotent requests
 * block their connection), so `connections` is never below the HTTP/1.1 size for the load.
 */
export function undici7Snippet(input: SnippetInput): string {
  return renderUndici(input, UNDICI7, `${UNDICI7.label} (checked on ${UNDICI7.poolLibrary}; Node.js >= 20.18); save as pool.mjs`);
}
