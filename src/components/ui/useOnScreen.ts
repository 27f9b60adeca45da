import { useCallback, useRef, useState, type ReactNode } from 'react';

/**
 * Whether an element is on (or near) the screen, for skipping work nobody can see yet: a recharts
 * redraw costs tens of milliseconds of main thread, and an edit updates every chart.
 * Without IntersectionObserver (old browsers, tests) everything counts as visible.
 */
export function useOnScreen(): [boolean, (el: Element | null) => (() => void) | undefined] {
  const [visible, setVisible] = useState(typeof IntersectionObserver === 'undefined');
  const ref = useCallback((el: Element | null) => {
    if (!el || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)), { rootMargin: '300px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [visible, ref];
}

/**
 * Renders `children` while `live`, and otherwise the element it last rendered: the same element
 * object, so React skips that subtree entirely until it is live again. Null until first live: a
 * plot nobody has scrolled to is never drawn (on a phone the charts sit screens below the answer,
 * and drawing them during the first load blocked the main thread for hundreds of milliseconds).
 */
export function useFrozenWhileHidden(children: ReactNode, live: boolean): ReactNode {
  const last = useRef<ReactNode>(null);
  if (live) last.current = children;
  return last.current;
}
