/**
 * The entry: styles, then the live app (boot.tsx) once the browser has painted the first screen.
 * The built page holds that screen as HTML (src/prerender.tsx); started any earlier, the app's
 * module evaluation and first render hold back that first paint by their whole length.
 */
import './styles.css';
import { nextTask } from './nextTask.ts';
import { prestartSimulationWorker } from './worker/spawn.ts';

/** Longest wait for the paint: a browser without paint timing, or one that never reports it. */
const PAINT_WAIT_MS = 3000;

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    // Nothing will be painted first: a hidden tab, no static copy (the dev server), or a static
    // copy hidden for a link or a save.
    const nothingToPaint =
      document.visibilityState === 'hidden' || !document.querySelector('#root > [data-prerendered]') || 'restoring' in document.documentElement.dataset;
    if (nothingToPaint) return resolve();
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

prestartSimulationWorker();

// No top-level await: DOMContentLoaded, and in Chromium the first paint, wait for this module.
// The two largest libraries are evaluated first, each in a task of its own: at 4× CPU slowdown
// the wall time between performance marks around each step was 400–490 ms for React DOM, up to
// 270 ms for zod and 70–110 ms for the app (wall time on 2 shared cores, so partly time spent
// descheduled), which had been one task of up to 530 ms. The page can paint and take input between.
void afterFirstPaint()
  .then(() => import('react-dom/client'))
  .then(nextTask)
  .then(() => import('./core/scenario/zodConfig.ts'))
  .then(nextTask)
  .then(() => import('./boot.tsx'));
