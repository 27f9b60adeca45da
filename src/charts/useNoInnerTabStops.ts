import { useCallback } from 'react';

/**
 * Keeps the chart's SVG out of the Tab order: the plot is one focusable image, but Chromium makes
 * recharts 3's z-index layer <g> elements sequential tab stops (about five per chart) even with
 * accessibilityLayer off. An explicit tabindex="-1" removes them; an observer catches the layers
 * recharts adds as it redraws. Returns a ref callback (React 19 runs its cleanup on unmount).
 */
export function useNoInnerTabStops(): (root: HTMLElement | null) => (() => void) | undefined {
  return useCallback((root: HTMLElement | null) => {
    if (!root) return undefined;
    const silence = () => root.querySelectorAll('svg:not([tabindex]), svg g:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '-1'));
    silence();
    const observer = new MutationObserver(silence);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}
