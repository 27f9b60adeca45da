import type { StateCreator } from 'zustand';
import { DEFAULT_VIEW, type SnippetTab } from '../core/index.ts';
import type { AppState } from './index.ts';

export interface ExportSlice {
  /** Selected tab of the export panel: a client id from the clients table. */
  snippetTab: SnippetTab;
  setSnippetTab(tab: SnippetTab): void;
}

export const createExportSlice: StateCreator<AppState, [], [], ExportSlice> = (set) => ({
  snippetTab: DEFAULT_VIEW.snippetTab,
  setSnippetTab: (snippetTab) => set({ snippetTab }),
});
