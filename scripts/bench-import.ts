/**
 * A million-row request log imported in the page (`npm run bench:import`, after `vite build`):
 * writes a 1,000,000-row CSV, opens the built app in Chromium, imports the file through the import
 * panel and reports the wall time from the file's selection to the summary on screen and the page's
 * long tasks (Long Tasks API) meanwhile; then the same for "Use as my workload" (the 200,000-row
 * trace going into the scenario). Run: `npm run bench:import [-- rows]`.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startPreview } from './previewServer.ts';

const PORT = 4394;
const ROWS = Number(process.argv[2] ?? 1_000_000);

function writeLog(path: string): number {
  const lines = ['timestamp,duration_ms,model,stream'];
  let t = 1_796_000_000_000;
  // A fixed generator: every run imports the same file.
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) + 0.5) / 2147483648;
  for (let i = 0; i < ROWS; i++) {
    t += Math.round(-Math.log(random()) * 10);
    lines.push(`${t},${Math.round(200 + random() * 2000)},${i % 3 ? 'model-a' : 'model-b'},${i % 2 ? 'true' : 'false'}`);
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path, text);
  return text.length;
}

const now = (page: Page) => page.evaluate(() => performance.now());
/** Long tasks since `since`, each as its duration and when it started (ms after `since`). */
const longTasksSince = (page: Page, since: number) =>
  page.evaluate(
    (t) => (window as unknown as { longTasks: { start: number; ms: number }[] }).longTasks.filter((l) => l.start >= t).map((l) => ({ ms: l.ms, atMs: Math.round(l.start - t) })),
    since,
  );

async function main() {
  const file = join(tmpdir(), `pool-sizer-bench-import-${ROWS}.csv`);
  const bytes = writeLog(file);
  const server = await startPreview(PORT);
  try {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: { start: number; ms: number }[]; pickedAt: number };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push({ start: e.startTime, ms: Math.round(e.duration) }))).observe({ type: 'longtask' });
      document.addEventListener('change', () => (w.pickedAt = performance.now()), true);
    });
    await page.goto(server.url);
    await page.getByTestId('import-traffic-open').click();
    await page.getByTestId('import-traffic-file').waitFor();
    await page.waitForTimeout(1000);
    await page.getByTestId('import-traffic-file').setInputFiles(file);
    const shownAt = await page.waitForFunction(() => (document.querySelector('[data-testid="import-kept"]') ? performance.now() : 0), undefined, { timeout: 120_000, polling: 10 });
    const pickedAt = await page.evaluate(() => (window as unknown as { pickedAt: number }).pickedAt);
    const importMs = Math.round((await shownAt.jsonValue()) - pickedAt);
    const importLong = await longTasksSince(page, pickedAt);
    const workerMs = await page.getByText(/Read and fitted in/).textContent();
    const kept = await page.getByTestId('import-kept').textContent();

    const useAt = await now(page);
    await page.getByTestId('import-use-trace').click();
    await page.getByText(/replays a recorded trace of 200,000 requests/).waitFor({ timeout: 120_000 });
    const useMs = Math.round((await now(page)) - useAt);
    const useLong = await longTasksSince(page, useAt);
    await browser.close();

    const report = {
      rows: ROWS,
      fileMB: Math.round(bytes / 1e5) / 10,
      kept: Number(kept?.replace(/,/g, '')),
      importMs,
      worker: workerMs?.trim(),
      importLongTasksMs: importLong,
      importMaxLongTaskMs: Math.max(0, ...importLong.map((l) => l.ms)),
      useAsWorkloadMs: useMs,
      useLongTasksMs: useLong,
    };
    console.log(JSON.stringify(report, null, 2));
  } finally {
    server.stop();
  }
}

await main();
