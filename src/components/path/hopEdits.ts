/**
 * The path editor's writes and the wording of a hop. Every write goes through the store's
 * `editValue`, so the whole scenario is validated and a refused edit leaves the last good one.
 */
import type { Hop } from '../../core/index.ts';
import { HOP_FACTS, type HopKind } from '../../core/path/hops.ts';
import { useAppStore } from '../../store/index.ts';

export const HOPS_PATH = 'network.middleboxes';

export const hopPath = (index: number): string => `${HOPS_PATH}[${index}]`;

export function hopLabel(kind: HopKind): string {
  if (kind === 'custom') return 'Custom';
  if (kind === 'server') return 'API server';
  return HOP_FACTS[kind].label;
}

/**
 * What a hop becomes when its kind is changed: a known kind takes its documented limit and
 * behaviour; custom keeps what was there for the user to adjust; the server always closes with FIN.
 */
export function withKind(hop: Hop, kind: HopKind): Hop {
  if (kind === 'custom') return { kind, idleSec: hop.idleSec, onIdle: hop.onIdle };
  if (kind === 'server') return { kind, idleSec: hop.idleSec, onIdle: 'fin' };
  return { kind, idleSec: HOP_FACTS[kind].idleSec, onIdle: HOP_FACTS[kind].onIdle };
}

/**
 * A new hop goes before the server's (which must stay last). It starts as a home or office NAT
 * typically behaves — forgets the flow after about five minutes without telling either side —
 * which is the hop people add because no preset describes it.
 */
export function withAddedHop(hops: readonly Hop[]): Hop[] {
  const added: Hop = { kind: 'custom', idleSec: 300, onIdle: 'silent' };
  const last = hops[hops.length - 1];
  return last?.kind === 'server' ? [...hops.slice(0, -1), added, last] : [...hops, added];
}

function withoutKeysUnder<T>(record: Record<string, T>, prefix: string): Record<string, T> {
  const kept = Object.entries(record).filter(([key]) => !key.startsWith(`${prefix}.`) && !key.startsWith(`${prefix}[`));
  return kept.length === Object.keys(record).length ? record : Object.fromEntries(kept);
}

/**
 * Writes a hop or the whole list. Hop fields keep drafts and errors by index: once a hop is
 * replaced, added or removed, those would stand next to another hop, so an accepted edit drops
 * the ones below `path`. A refused edit keeps everything, with its message at `path`.
 */
export function editHops(path: string, value: Hop | Hop[]): void {
  useAppStore.getState().editValue(path, value);
  useAppStore.setState((s) =>
    s.fieldErrors[path] ? s : { drafts: withoutKeysUnder(s.drafts, path), fieldErrors: withoutKeysUnder(s.fieldErrors, path) },
  );
}
