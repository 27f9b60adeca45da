/**
 * What a long trace costs the page's main thread (`npm run bench:trace`, after `vite build`): import a
 * scenario replaying N requests (default 200,000, the schema's limit), then change one pool field, and
 * report the long tasks (Long Tasks API) of each step and how often the trace's values were posted to a
 * worker. Run: `npm run bench:trace [-- rows]`.
 */
import { startPreview } from './previewServer.ts';
import { chromium, type Page } from '@playwright/test';

const PORT = 4393;
const ROWS = Number(process.argv[2] ?? 200_000);


/** Every run of the newest edit has landed. */
const settled = (page: Page) =>
  page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid="sim-status"]');
      return el?.getAttribute('data-status') === 'done' && el.getAttribute('data-run-id') === el.getAttribute('data-latest-run-id');
    },
    undefined,
    { timeout: 180_000 },
  );

const takeLongTasks = (page: Page) => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));

async function main() {
  const server = await startPreview(PORT);
  try {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[]; tracePosts: number };
      w.longTasks = [];
      w.tracePosts = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
      const post = Worker.prototype.postMessage as (this: Worker, message: unknown, transfer?: Transferable[]) => void;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, transfer?: Transferable[]) {
        if ((message as { trace?: { values?: unknown } } | null)?.trace?.values) w.tracePosts++;
        post.call(this, message, transfer);
      } as typeof Worker.prototype.postMessage;
    });
    await page.goto(server.url);
    await settled(page);
    await takeLongTasks(page);
    const rows = Array.from({ length: ROWS }, (_, i) => [+(i * 0.05).toFixed(3), +(2 + (i % 13) / 3).toFixed(3)]);
    const file = { version: 1, workload: { arrival: { kind: 'trace', rows }, classes: [{ name: 'chat', share: 1, duration: { dist: 'exponential', meanSec: 8 } }] } };
    let started = Date.now();
    await page.getByTestId('import-scenario').setInputFiles({ name: 'trace.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.waitForFunction(() => location.hash === '', undefined, { timeout: 60_000 });
    await settled(page);
    console.log(`import of ${ROWS} rows: every run landed after ${Date.now() - started} ms; long tasks ${JSON.stringify(await takeLongTasks(page))} ms`);
    const field = page.getByLabel('Max connections').first();
    started = Date.now();
    await field.fill(String(Number(await field.inputValue()) + 1));
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="sim-status"]');
      return el?.getAttribute('data-status') === 'running';
    });
    await settled(page);
    console.log(`edit of max connections: every run landed after ${Date.now() - started} ms; long tasks ${JSON.stringify(await takeLongTasks(page))} ms`);
    console.log(`trace values posted to a worker: ${await page.evaluate(() => (window as unknown as { tracePosts: number }).tracePosts)} times in all`);
    await browser.close();
  } finally {
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
