import { findClient, type ClientFacts } from '../clients.ts';
import { renderHttpx } from './httpxCommon.ts';
import type { SnippetInput } from './input.ts';

export const HTTPX2 = findClient('httpx2') as ClientFacts;

/** httpx2 AsyncClient: the maintained successor of httpx, and the pool under the current Python SDKs. */
export function httpx2Snippet(input: SnippetInput): string {
  return renderHttpx(input, { client: HTTPX2, isAsync: true });
}

/** httpx2 Client: threaded or synchronous code. */
export function httpx2SyncSnippet(input: SnippetInput): string {
  return renderHttpx(input, { client: HTTPX2, isAsync: false });
}
