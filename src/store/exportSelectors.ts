import { buildSnippetInput, SNIPPET_TARGETS, shareUrl, type SnippetTarget } from '../core/index.ts';
import type { AppState } from './index.ts';
import { selectChosenSize } from './simSelectors.ts';

/** Export panel tabs: one per library, SDKs and monitoring grouped. Ids are the link codec's SNIPPET_TABS. */
export const EXPORT_TABS: { id: string; label: string; targets: string[] }[] = [
  { id: 'undici', label: 'undici 8', targets: ['undici'] },
  { id: 'undici7', label: 'undici 7', targets: ['undici7'] },
  { id: 'httpx', label: 'httpx async', targets: ['httpx'] },
  { id: 'httpx-sync', label: 'httpx sync', targets: ['httpx-sync'] },
  { id: 'sdks', label: 'SDKs', targets: ['anthropic-py', 'anthropic-ts', 'openai-py', 'openai-ts'] },
  { id: 'monitoring', label: 'Monitoring', targets: ['monitor-undici', 'monitor-httpx'] },
];

export interface GeneratedSnippet {
  target: SnippetTarget;
  code: string;
}

let lastKey = '';
let lastSnippets: GeneratedSnippet[] = [];

/** The snippets of the selected tab, sized by the recommendation the user picked; memoised on their inputs. */
export function selectTabSnippets(state: AppState, baseUrl: string): GeneratedSnippet[] {
  const tab = EXPORT_TABS.find((t) => t.id === state.snippetTab) ?? EXPORT_TABS[0]!;
  const chosen = selectChosenSize(state);
  const link = shareUrl(baseUrl, {
    scenario: state.scenario,
    view: { snippetTab: tab.id as never, recommendationSource: state.recommendationSource },
  });
  const key = JSON.stringify([tab.id, chosen, link]);
  if (key !== lastKey) {
    const input = buildSnippetInput(state.scenario, chosen, link);
    lastSnippets = tab.targets.map((id) => {
      const target = SNIPPET_TARGETS.find((t) => t.id === id)!;
      return { target, code: target.generate(input) };
    });
    lastKey = key;
  }
  return lastSnippets;
}
