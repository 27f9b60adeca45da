import { renderHttpx } from './httpxCommon.ts';
import type { SnippetInput } from './input.ts';

/** httpx AsyncClient: the usual choice for asyncio services (FastAPI and the like). */
export function httpxSnippet(input: SnippetInput): string {
  return renderHttpx(input, {
    library: 'httpx (AsyncClient, Python 3.8+); save as pool.py',
    clientClass: 'httpx.AsyncClient',
    asyncWord: 'async ',
    awaitWord: 'await ',
    closeMethod: 'aclose',
  });
}
