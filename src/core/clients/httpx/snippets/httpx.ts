import { HTTPX_CLIENT } from '../facts.ts';
import { renderHttpx } from './httpxCommon.ts';
import type { SnippetInput } from '../../../snippets/input.ts';

export const HTTPX = HTTPX_CLIENT;

/** httpx 0.28 AsyncClient: asyncio services (FastAPI and the like) that still run httpx. */
export function httpxSnippet(input: SnippetInput): string {
  return renderHttpx(input, { client: HTTPX, isAsync: true });
}

/** httpx 0.28 Client: threaded or synchronous code (Flask, Django, scripts). */
export function httpxSyncSnippet(input: SnippetInput): string {
  return renderHttpx(input, { client: HTTPX, isAsync: false });
}
