import { renderUndici } from './undiciCommon.ts';
import type { SnippetInput } from './input.ts';

/** undici 8 (Node ≥ 22.19): HTTP/2 multiplexes fetch POSTs on one connection. */
export function undiciSnippet(input: SnippetInput): string {
  return renderUndici(input, {
    library: 'undici 8 (Node.js >= 22.19); save as pool.mjs',
    protocolOptions: (pool) =>
      pool.protocol === 'h2'
        ? [
            '  allowH2: true, // HTTP/2 via ALPN: concurrent requests share a connection',
            `  maxConcurrentStreams: ${pool.streamsPerConnection}, // streams per HTTP/2 connection`,
          ]
        : ['  pipelining: 1, // HTTP/1.1: one request per socket at a time'],
  });
}
