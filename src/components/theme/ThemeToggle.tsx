import { useState } from 'react';
import { readTheme, saveTheme, type ThemeChoice } from './theme.ts';

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Colour scheme picker; the choice is remembered in local storage. */
export function ThemeToggle() {
  const [choice, setChoice] = useState<ThemeChoice>(readTheme);
  return (
    <label className="theme-toggle">
      <span>Colour scheme</span>
      <select
        value={choice}
        data-testid="theme"
        onChange={(e) => {
          const next = e.target.value as ThemeChoice;
          setChoice(next);
          saveTheme(next);
        }}
      >
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
