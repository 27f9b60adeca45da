import { buildSnippetInput, CLIENTS, describePoolChanges, findClient, linkRefusal, shareUrl, SNIPPET_TARGETS, type ClientFacts, type Scenario, type SnippetTab, type SnippetTarget } from '../core/index.ts';
import { memo } from './memo.ts';
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

const snippetsOf = memo((scenario: Scenario, snippetTab: SnippetTab, base: string): GeneratedSnippet[] => {
  const tab = EXPORT_TABS.find((t) => t.id === snippetTab) ?? EXPORT_TABS[0]!;
  const input = buildSnippetInput(scenario, linkRefusal(scenario) ? undefined : shareUrl(base, { scenario, view: { snippetTab } }));
  return tab.targets.flatMap((id) => {
    const target = SNIPPET_TARGETS.find((t) => t.id === id);
    return target ? [{ target, code: target.generate(input) }] : [];
  });
});

/**
 * The snippets of the selected tab for the scenario's own pools. Computed once per change of the
 * scenario, the tab or the page's address without its fragment — the fragment follows every edit a
 * moment later, and keying on it would generate everything a second time.
 */
export function selectTabSnippets(state: AppState, pageUrl: string): GeneratedSnippet[] {
  return snippetsOf(state.scenario, state.snippetTab, pageUrl.split('#')[0]!);
}

const changesOf = memo((scenario: Scenario, snippetTab: SnippetTab): { client: ClientFacts; changes: string[] } | null => {
  const client = findClient(snippetTab);
  return client ? { client, changes: describePoolChanges(scenario, client) } : null;
});
/** What the exported pool changes from the defaults of the tab's client, one phrase per field. */
export const selectExportChanges = (state: AppState) => changesOf(state.scenario, state.snippetTab);
