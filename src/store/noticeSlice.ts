import type { StateCreator } from 'zustand';
import type { AppState } from './index.ts';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** Messages about the app's own state (a broken link, a restored save), shown above everything. */
export interface NoticeSlice {
  notices: Notice[];
  addNotice(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const createNoticeSlice: StateCreator<AppState, [], [], NoticeSlice> = (set) => ({
  notices: [],
  addNotice: (kind, text) => set((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: nextNoticeId++, kind, text }] })),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});
