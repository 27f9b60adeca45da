/**
 * The app's one zustand store, built from typed slices (zustand's slices pattern). Each feature
 * adds its slice here; components read through selectors (selectors.ts) with `useShallow` where
 * they pick several fields, so a keystroke re-renders only what changed.
 */
import { create } from 'zustand';
import { createExportSlice, type ExportSlice } from './exportSlice.ts';
import { createNoticeSlice, type NoticeSlice } from './noticeSlice.ts';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice.ts';
import { createSimulationSlice, type SimulationSlice } from './simulationSlice.ts';

export type AppState = ScenarioSlice & ExportSlice & SimulationSlice & NoticeSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createScenarioSlice(...a),
  ...createExportSlice(...a),
  ...createSimulationSlice(...a),
  ...createNoticeSlice(...a),
}));
