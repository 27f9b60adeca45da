/**
 * How fast the page answers an edit, measured in real Chromium against the built app (`vite build`
 * first): for every preset, the time from the last keystroke to (a) the formula result, (b) the
 * simulated result of the current pool, (c) every sweep and the target search; and the longest
 * main-thread task (Long Tasks API) during the update. Run: `npm run bench:ui`.
 */
import { startPreview } from './previewServer.ts';
import { chromium } from '@playwright/test';
import { PRESETS } from '../src/core/presets.ts';

const PORT = 4391;
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const server = await startPreview(PORT);
  try {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const rows: string[] = [];
    for (const preset of PRESETS) {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByTestId(`preset-${preset.id}`).click();
      const status = page.getByTestId('sim-status');
      await status.and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
      const samples: { formula: number; main: number; all: number; longest: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const field = page.getByLabel('Max connections').first();
        const next = String(Number(await field.inputValue()) + (round % 2 === 0 ? 1 : -1));
        await page.evaluate(() => {
          const w = window as unknown as { __m: { t0: number; formula: number; main: number; all: number; longest: number } };
          w.__m = { t0: 0, formula: 0, main: 0, all: 0, longest: 0 };
          new PerformanceObserver((list) => {
            // The task that dispatched the input event began before it: count every task still running at t0.
            for (const e of list.getEntries()) if (w.__m.t0 && e.startTime + e.duration >= w.__m.t0) w.__m.longest = Math.max(w.__m.longest, e.duration);
          }).observe({ type: 'longtask' });
          const el = document.querySelector('[data-testid="sim-status"]')!;
          new MutationObserver(() => {
            const now = performance.now();
            if (!w.__m.t0) return;
            if (!w.__m.main && el.getAttribute('data-run-id') === el.getAttribute('data-latest-run-id') && Number(el.getAttribute('data-run-id')) > 0) w.__m.main = now;
            if (w.__m.main && !w.__m.all && el.getAttribute('data-status') === 'done') w.__m.all = now;
          }).observe(el, { attributes: true });
          const exportSource = document.querySelector('[data-testid="export-source"]');
          if (exportSource) new MutationObserver(() => (w.__m.formula ||= performance.now())).observe(exportSource, { childList: true, subtree: true, characterData: true });
          document.addEventListener('input', () => (w.__m.t0 = performance.now()), { capture: true });
        });
        // Between typing and the run the status goes running, then the main run's id catches up.
        await field.fill(next);
        await page.waitForFunction(() => (window as unknown as { __m: { all: number } }).__m.all > 0, null, { timeout: 60_000 });
        const m = await page.evaluate(() => (window as unknown as { __m: { t0: number; formula: number; main: number; all: number; longest: number } }).__m);
        samples.push({ formula: m.formula ? m.formula - m.t0 : NaN, main: m.main - m.t0, all: m.all - m.t0, longest: m.longest });
      }
      await page.close();
      const fmt = (x: number) => `${Math.round(x)} ms`;
      console.error(`measured ${preset.id}`);
      rows.push(
        `| ${preset.label} | ${fmt(median(samples.map((s) => s.formula)))} | ${fmt(median(samples.map((s) => s.main)))} (max ${fmt(Math.max(...samples.map((s) => s.main)))}) | ${fmt(median(samples.map((s) => s.all)))} | ${fmt(Math.max(...samples.map((s) => s.longest)))} |`,
      );
    }
    await browser.close();
    console.log(`Edit → result on this machine (${ROUNDS} edits of Max connections per preset, median):\n`);
    console.log('| preset | export text updated | simulated result of your pool | every sweep + target search | longest main-thread task |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
