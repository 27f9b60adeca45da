/** No client named: the generic pool rules, no clients of its own and no snippets. */
import type { ClientFamily } from '../types.ts';
import { GenericPolicy } from './policy.ts';

export const GENERIC_FAMILY: ClientFamily<'generic', readonly [], 'generic'> = {
  id: 'generic',
  clients: [],
  policies: { generic: (core) => new GenericPolicy(core) },
  generators: {},
};
