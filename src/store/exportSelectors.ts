import { buildSnippetInput, CLIENTS, describePoolChanges, findClient, shareUrl, SNIPPET_TARGETS, type ClientFacts, type SnippetTab, type SnippetTarget } from '../core/index.ts';
import type { AppState } from './index.ts';

/** Export panel tabs: one per client of the clients table; ids are the link codec's SNIPPET_TABS. */
export const EXPORT_TABS: readonly { id: SnippetTab; label: string; targets: string[] }[] = (CLIENTS as readonly ClientFacts[]).map((c) => ({
  id: c.id as SnippetTab,
  label: c.label,
  targets: c.targets.map((t) => t.id),
}));

export interface GeneratedSnippet {
  target: SnippetTarget;
  code: string;
}

let lastKey: unknown[] = [];
let lastSnippets: GeneratedSnippet[] = [];

/**
 * The snippets of the selected tab for the scenario's own pools. Computed once per change of the
 * scenario, the tab or the page address — never on a progress tick or an unrelated re-render.
 */
export function selectTabSnippets(state: AppState, baseUrl: string): GeneratedSnippet[] {
  const key = [state.scenario, state.snippetTab, baseUrl];
  if (key.every((k, i) => k === lastKey[i])) return lastSnippets;
  const tab = EXPORT_TABS.find((t) => t.id === state.snippetTab) ?? EXPORT_TABS[0]!;
  const link = shareUrl(baseUrl, { scenario: state.scenario, view: { snippetTab: state.snippetTab } });
  const input = buildSnippetInput(state.scenario, link);
  lastSnippets = tab.targets.flatMap((id) => {
    const target = SNIPPET_TARGETS.find((t) => t.id === id);
    return target ? [{ target, code: target.generate(input) }] : [];
  });
  lastKey = key;
  return lastSnippets;
}

let changesKey: unknown[] = [];
let changesValue: { client: ClientFacts; changes: string[] } | null = null;
/** What the exported pool changes from the defaults of the tab's client, one phrase per field. */
export function selectExportChanges(state: AppState): { client: ClientFacts; changes: string[] } | null {
  const key = [state.scenario, state.snippetTab];
  if (key.every((k, i) => k === changesKey[i])) return changesValue;
  changesKey = key;
  const client = findClient(state.snippetTab);
  changesValue = client ? { client, changes: describePoolChanges(state.scenario, client) } : null;
  return changesValue;
}
