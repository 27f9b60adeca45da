import { computeFormula, findPreset, type FormulaResult } from '../core/index.ts';
import type { AppState } from './index.ts';
import { memo } from './memo.ts';

/** The formula is cheap and pure, so it is memoised on the scenario object rather than stored. */
const formulaOf = memo(computeFormula);
export const selectFormula = (s: AppState): FormulaResult => formulaOf(s.scenario);

export const selectPreset = (s: AppState) => (s.scenario.preset ? findPreset(s.scenario.preset) : undefined);
