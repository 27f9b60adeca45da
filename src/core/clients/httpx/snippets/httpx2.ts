import { HTTPX2_CLIENT } from '../facts.ts';
import { renderHttpx } from './httpxCommon.ts';
import type { SnippetInput } from '../../../snippets/input.ts';

export const HTTPX2 = HTTPX2_CLIENT;

/** httpx2 AsyncClient: the maintained successor of httpx, and the pool under the current Python SDKs. */
export function httpx2Snippet(input: SnippetInput): string {
  return renderHttpx(input, { client: HTTPX2, isAsync: true });
}

/** httpx2 Client: threaded or synchronous code. */
export function httpx2SyncSnippet(input: SnippetInput): string {
  return renderHttpx(input, { client: HTTPX2, isAsync: false });
}
