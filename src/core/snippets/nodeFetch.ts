/**
 * What the scenario's Node would do without the exported Agents: a client on Node's global fetch
 * (node-fetch and the Node SDKs) otherwise gets the pool of the undici that Node bundles, whose
 * protocol and rules differ by major (NODE_FETCH in ../clients/undici/node.ts). Said in the header, so whoever
 * pastes the module knows which pool it replaces. Shared by the undici and Node SDK families, whose
 * clients are the ones on Node's fetch.
 */
import { NODE_SDK_CLIENTS } from '../clients/nodeSdk/facts.ts';
import { UNDICI_CLIENTS } from '../clients/undici/facts.ts';
import { DEFAULT_NODE_MAJOR, NODE_FETCH } from '../clients/undici/node.ts';
import type { SnippetInput } from './input.ts';

export function nodeFetchNotes(input: SnippetInput): string[] {
  const s = input.scenario;
  // Other clients ignore `node` (docs/scenario.md): their tabs do not run on Node's fetch.
  // Only clients on Node's fetch follow the scenario's Node.
  if (![...UNDICI_CLIENTS, ...NODE_SDK_CLIENTS].some((c) => c.id === s.client && 'globalFetch' in c && c.globalFetch)) return [];
  const n = NODE_FETCH[s.node ?? DEFAULT_NODE_MAJOR];
  const without =
    n.protocol === 'h2'
      ? `negotiates HTTP/2 wherever the API offers it (a cold burst opens one HTTP/2 connection per request) with no cap on connections`
      : 'speaks HTTP/1.1 with no cap on connections';
  return [
    `Node ${n.major} (the scenario's Node; checked on ${n.node}): its global fetch bundles undici ${n.undici}, which ${without}; the Agents below replace that pool, and their allowH2 decides the protocol. The npm undici 8 used here needs Node >= 22.19.`,
  ];
}
