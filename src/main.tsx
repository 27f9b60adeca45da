/**
 * The entry: styles, then the live app (boot.tsx) once the browser has painted the first screen.
 * The built page holds that screen as HTML (src/prerender.tsx); started any earlier, the app's
 * module evaluation and first render hold back that first paint by their whole length.
 */
import './styles.css';

/** Longest wait for the paint: a browser without paint timing, or one that never reports it. */
const PAINT_WAIT_MS = 3000;

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    // Nothing will be painted first: a hidden tab, or a static copy hidden for a link or a save.
    if (document.visibilityState === 'hidden' || 'restoring' in document.documentElement.dataset) return resolve();
    let observer: PerformanceObserver | undefined;
    const start = () => {
      observer?.disconnect();
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(start, PAINT_WAIT_MS);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) setTimeout(start, 0);
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      requestAnimationFrame(() => setTimeout(start, 0));
    }
  });
}

// No top-level await: DOMContentLoaded, and in Chromium the first paint, wait for this module.
void afterFirstPaint().then(() => import('./boot.tsx'));
