/**
 * How fast the page answers an edit, measured in real Chromium against the built app (`vite build`
 * first): for every preset, the time from the last keystroke to (a) the formula result, (b) the
 * simulated result of the current pool, (c) a figure for every analysis (a coarse first pass of the
 * search and the size sweep counts), (d) every sweep and the target search refined; and the longest
 * main-thread task (Long Tasks API) during the update. Two kinds of edit: the pool's size (the search
 * and the size sweep do not depend on it) and the load (everything runs again). Run: `npm run bench:ui`.
 */
import { startPreview } from './previewServer.ts';
import { chromium, type Page } from '@playwright/test';
import { PRESETS } from '../src/core/presets.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4391);
const ROUNDS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type Sample = { formula: number; main: number; first: number; all: number; longest: number };

/**
 * Five edits of one field, each to a value not entered before in this page (the page keeps earlier
 * runs, so a value typed again would be answered from its run cache and measure nothing).
 */
async function measureEdits(page: Page, label: string): Promise<Sample[]> {
  const samples: Sample[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const field = page.getByLabel(label).first();
    const next = String(Number(await field.inputValue()) + 1);
    await page.evaluate(() => {
      const w = window as unknown as { __m: { t0: number; formula: number; main: number; first: number; all: number; longest: number } };
      w.__m = { t0: 0, formula: 0, main: 0, first: 0, all: 0, longest: 0 };
      new PerformanceObserver((list) => {
        // The task that dispatched the input event began before it: count every task still running at t0.
        for (const e of list.getEntries()) if (w.__m.t0 && e.startTime + e.duration >= w.__m.t0) w.__m.longest = Math.max(w.__m.longest, e.duration);
      }).observe({ type: 'longtask' });
      const el = document.querySelector('[data-testid="sim-status"]')!;
      new MutationObserver(() => {
        const now = performance.now();
        if (!w.__m.t0) return;
        if (!w.__m.main && el.getAttribute('data-run-id') === el.getAttribute('data-latest-run-id') && Number(el.getAttribute('data-run-id')) > 0) w.__m.main = now;
        // Every analysis has a figure on screen, a first pass at least (data-unanswered counts those without).
        if (w.__m.main && !w.__m.first && el.getAttribute('data-unanswered') === '0') w.__m.first = now;
        if (w.__m.main && !w.__m.all && el.getAttribute('data-status') === 'done') {
          w.__m.first ||= now;
          w.__m.all = now;
        }
      }).observe(el, { attributes: true });
      const exportSource = document.querySelector('[data-testid="export-source"]');
      if (exportSource) new MutationObserver(() => (w.__m.formula ||= performance.now())).observe(exportSource, { childList: true, subtree: true, characterData: true });
      document.addEventListener('input', () => (w.__m.t0 = performance.now()), { capture: true });
    });
    // Between typing and the run the status goes running, then the main run's id catches up.
    await field.fill(next);
    await page.waitForFunction(() => (window as unknown as { __m: { all: number } }).__m.all > 0, null, { timeout: 60_000 });
    const m = await page.evaluate(() => (window as unknown as { __m: { t0: number; formula: number; main: number; first: number; all: number; longest: number } }).__m);
    samples.push({ formula: m.formula ? m.formula - m.t0 : NaN, main: m.main - m.t0, first: m.first - m.t0, all: m.all - m.t0, longest: m.longest });
  }
  return samples;
}

/** An edit that does not change the exported code (the load) has no export time: a dash. */
const fmt = (x: number) => (Number.isNaN(x) ? '—' : `${Math.round(x)} ms`);
const row = (label: string, samples: Sample[]) =>
  `| ${label} | ${fmt(median(samples.map((s) => s.formula)))} | ${fmt(median(samples.map((s) => s.main)))} (max ${fmt(Math.max(...samples.map((s) => s.main)))}) | ${fmt(median(samples.map((s) => s.first)))} (max ${fmt(Math.max(...samples.map((s) => s.first)))}) | ${fmt(median(samples.map((s) => s.all)))} (max ${fmt(Math.max(...samples.map((s) => s.all)))}) | ${fmt(Math.max(...samples.map((s) => s.longest)))} |`;

async function main() {
  const server = await startPreview(PORT);
  try {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    const rows: string[] = [];
    const loadRows: string[] = [];
    for (const preset of PRESETS) {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.getByTestId(`preset-${preset.id}`).click();
      const status = page.getByTestId('sim-status');
      await status.and(page.locator('[data-status="done"]')).waitFor({ timeout: 60_000 });
      rows.push(row(preset.label, await measureEdits(page, 'Max connections')));
      // The load: every analysis depends on it, so everything runs again.
      const loadLabel = preset.scenario.workload.arrival.kind === 'users' ? 'Peak concurrent users' : 'Request rate';
      loadRows.push(row(preset.label, await measureEdits(page, loadLabel)));
      await page.close();
      console.error(`measured ${preset.id}`);
    }
    await browser.close();
    const header = [
      '| preset | export text updated | simulated result of your pool | every figure, first pass | every figure refined (sweeps + target search) | longest main-thread task |',
      '|---|---|---|---|---|---|',
    ];
    console.log(`Edit → result on this machine (${ROUNDS} edits of Max connections per preset, median):\n`);
    for (const line of [...header, ...rows]) console.log(line);
    console.log(`\n${ROUNDS} edits of the load (Peak concurrent users or Request rate), which every analysis depends on:\n`);
    for (const line of [...header, ...loadRows]) console.log(line);
  } finally {
    server.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
