import { renderHttpx } from './httpxCommon.ts';
import type { SnippetInput } from './input.ts';

/** httpx Client: for threaded or synchronous code (Flask, Django, scripts). */
export function httpxSyncSnippet(input: SnippetInput): string {
  return renderHttpx(input, {
    library: 'httpx (Client, synchronous, Python 3.8+); save as pool.py',
    clientClass: 'httpx.Client',
    asyncWord: '',
    awaitWord: '',
    closeMethod: 'close',
  });
}
