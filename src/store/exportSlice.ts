import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

/** Which recommendation feeds exported code: the formula's, or the smallest size that meets the target. */
export type RecommendationSource = 'formula' | 'target';

export interface ExportSlice {
  /** Selected tab of the export panel (a snippet target id such as `undici` or `httpx`). */
  snippetTab: string;
  recommendationSource: RecommendationSource;
  setSnippetTab(tab: string): void;
  setRecommendationSource(source: RecommendationSource): void;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set) => ({
  snippetTab: 'undici',
  recommendationSource: 'formula',
  setSnippetTab: (snippetTab) => set({ snippetTab }),
  setRecommendationSource: (recommendationSource) => set({ recommendationSource }),
});
