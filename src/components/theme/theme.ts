/**
 * The colour scheme the user picked. "system" follows prefers-color-scheme; "light" and "dark"
 * are stored and set as <html data-theme>, which styles.css reads. public/theme-init.js applies
 * the stored choice before first paint (the CSP allows no inline script) and must use the same key.
 */
export const THEME_KEY = 'pool-sizer:theme';

export type ThemeChoice = 'system' | 'light' | 'dark';

export function readTheme(): ThemeChoice {
  try {
    const stored = localStorage.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

export function saveTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Storage may be blocked (private mode): the choice then lasts for this page only.
  }
  applyTheme(choice);
}
