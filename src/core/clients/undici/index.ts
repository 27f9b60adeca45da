/** undici 8, undici 7 and Node's global fetch: one Agent pool, undici's rules per version. */
import type { ClientFamily } from '../types.ts';
import { UNDICI_CLIENTS } from './facts.ts';
import { UndiciPolicy, type UndiciRules } from './policy.ts';
import { monitorUndiciSnippet } from './snippets/monitorUndici.ts';
import { undiciSnippet } from './snippets/undici.ts';
import { undici7Snippet } from './snippets/undici7.ts';

export const UNDICI_FAMILY: ClientFamily<UndiciRules, typeof UNDICI_CLIENTS, 'undici'> = {
  id: 'undici',
  clients: UNDICI_CLIENTS,
  policies: {
    undici7: (core) => new UndiciPolicy(core, 'undici7'),
    undici8: (core) => new UndiciPolicy(core, 'undici8'),
    'undici8-noprobe': (core) => new UndiciPolicy(core, 'undici8-noprobe'),
  },
  generators: { undici: undiciSnippet, 'monitor-undici': monitorUndiciSnippet, undici7: undici7Snippet },
};
