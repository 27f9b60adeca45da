import { computeFormula, findPreset, type FormulaResult, type Scenario } from '../core/index.ts';
import type { AppState } from './index.ts';

export const selectScenario = (s: AppState): Scenario => s.scenario;

/** The formula is cheap and pure, so it is memoised on the scenario object rather than stored. */
let lastScenario: Scenario | null = null;
let lastFormula: FormulaResult | null = null;
export function selectFormula(s: AppState): FormulaResult {
  if (s.scenario !== lastScenario || !lastFormula) {
    lastScenario = s.scenario;
    lastFormula = computeFormula(s.scenario);
  }
  return lastFormula;
}

export const selectPreset = (s: AppState) => (s.scenario.preset ? findPreset(s.scenario.preset) : undefined);

export const selectFieldError = (path: string) => (s: AppState): string | undefined => s.fieldErrors[path];
