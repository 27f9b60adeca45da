import { renderUndici } from './undiciCommon.ts';
import type { SnippetInput } from './input.ts';

/**
 * undici 7 (Node ≥ 20.18). Over HTTP/2 it does not multiplex fetch POSTs: non-idempotent requests
 * block their connection (undici issues 4143, 5390), so `connections` is sized as for HTTP/1.1.
 */
export function undici7Snippet(input: SnippetInput): string {
  return renderUndici(input, {
    library: 'undici 7 (Node.js >= 20.18); save as pool.mjs',
    protocolOptions: (pool) =>
      pool.protocol === 'h2'
        ? [
            '  allowH2: true, // negotiate HTTP/2 where the API offers it',
            '  // undici 7 runs one POST at a time per connection even over HTTP/2 (it treats non-idempotent',
            '  // requests as blocking; undici issues 4143 and 5390), so `connections` above is sized as for',
            '  // HTTP/1.1 and pipelining stays 1. Raising it would only multiplex GETs. undici 8 lifts this.',
            '  pipelining: 1,',
          ]
        : ['  pipelining: 1, // HTTP/1.1: one request per socket at a time'],
  });
}
