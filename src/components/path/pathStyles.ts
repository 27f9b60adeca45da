/**
 * Layout of the path row. Inline styles (the page's policy allows them) keep the editor in its
 * own folder; colours come from the theme's variables so light and dark follow.
 */
import type { CSSProperties } from 'react';

/** Hops side by side while they fit, wrapping onto the next line on a phone. */
export const row: CSSProperties = { listStyle: 'none', margin: '0.75rem 0', padding: 0, display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'stretch' };

export const step: CSSProperties = { display: 'flex', alignItems: 'center', gap: '0.5rem', flex: '1 1 14rem', minWidth: 0 };

export const end: CSSProperties = { ...step, flex: '0 1 auto' };

export const arrow: CSSProperties = { color: 'var(--muted)', fontSize: '1.2rem' };

export const card: CSSProperties = { border: '1px solid var(--line)', borderRadius: '8px', padding: '0.5rem 0.75rem 0.75rem', margin: 0, minWidth: 0, flex: 1 };

export const chip: CSSProperties = { border: '1px dashed var(--line)', borderRadius: '8px', padding: '0.4rem 0.6rem', fontWeight: 600 };

export const summary: CSSProperties = { margin: '0 0 0.5rem', fontSize: '0.9rem' };
