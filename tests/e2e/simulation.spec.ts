import { expect, test, type Page } from '@playwright/test';

const peakOf = async (page: Page) => {
  const text = (await page.getByTestId('monitor-peak').locator('.monitor__value').textContent()) ?? '';
  const match = /(\d+) of (\d+)/.exec(text);
  return match ? { peak: Number(match[1]), max: Number(match[2]) } : null;
};

const latestRun = async (page: Page) => Number(await page.getByTestId('sim-status').getAttribute('data-latest-run-id'));

/** Waits until a run newer than `after` has finished and its result is the one on screen. */
const settled = (page: Page, after = 0) =>
  expect
    .poll(
      async () => {
        const status = page.getByTestId('sim-status');
        const latest = Number(await status.getAttribute('data-latest-run-id'));
        return latest > after && (await status.getAttribute('data-status')) === 'done' && Number(await status.getAttribute('data-run-id')) === latest;
      },
      { timeout: 20_000 },
    )
    .toBe(true);

test.describe('simulation in the browser', () => {
  test('should run the simulation in a worker and draw every chart with data', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto('/');
    await settled(page);
    expect(workers.length).toBeGreaterThan(0);
    for (const id of ['sweep', 'timeseries', 'latency', 'keepalive', 'poolsplit']) {
      await expect(page.getByTestId(`chart-${id}`)).toHaveAttribute('data-ready', 'true');
    }
    // Plots off screen keep their last drawing (no redraw nobody sees); scrolled in, they draw the data.
    for (const id of ['sweep', 'timeseries', 'latency', 'keepalive']) {
      await page.getByTestId(`chart-${id}`).scrollIntoViewIfNeeded();
      await expect(page.getByTestId(`chart-${id}`).locator('.recharts-surface').first()).toBeVisible();
    }
    await page.getByTestId('chart-sweep').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('chart-sweep').locator('.recharts-line-curve').first()).toBeVisible();
    await page.getByTestId('chart-latency').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('chart-latency').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByTestId('monitor-reuse')).toHaveAttribute('data-verdict', /good|watch|bad/);
    await expect(page.getByTestId('proposal-target')).toContainText('connections');
    await expect(page.getByTestId('handshake-saved')).toContainText('s of handshakes');
  });

  test('should keep one core for the page and run the first round on the worker started with the page', async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2 }));
    const simWorkers: string[] = [];
    page.on('worker', (w) => {
      if (w.url().includes('sim.worker')) simWorkers.push(w.url());
    });
    await page.goto('/');
    await settled(page);
    await expect(page.getByTestId('answer-verdict')).toContainText(/p99/);
    // Two cores: one simulation worker, the one main.tsx started, taken over by the simulation client.
    expect(simWorkers).toHaveLength(1);
  });

  test('should change the results when maxConnections changes', async ({ page }) => {
    await page.goto('/');
    await settled(page);
    expect(await peakOf(page)).toMatchObject({ max: 30 });
    const before = await latestRun(page);
    await page.getByLabel('Max connections').fill('12');
    await settled(page, before);
    await expect.poll(async () => (await peakOf(page))?.max).toBe(12);
    expect((await peakOf(page))!.peak).toBeLessThanOrEqual(12);
    await expect(page.getByTestId('monitor-wait')).toHaveAttribute('data-verdict', 'bad');
  });

  test('should draw only the newest result when typing fast cancels stale runs', async ({ page }) => {
    await page.goto('/');
    await settled(page);
    const before = await latestRun(page);
    const users = page.getByLabel('Peak concurrent users');
    for (const value of ['400', '900', '2000', '3']) await users.fill(value);
    await settled(page, before);
    // A stale result for hundreds of users would fill all 30 connections; 3 users can hold at most 3.
    expect((await peakOf(page))!.peak).toBeLessThanOrEqual(3);
  });

  test('should show the message of a run that fails and keep the page working', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await settled(page);
    await page.getByLabel('Simulated requests').fill('10000000');
    await expect(page.getByTestId('sim-error')).toContainText('events', { timeout: 30_000 });
    await expect(page.getByTestId('result-maxConnections')).toHaveText('30');
    const before = await latestRun(page);
    await page.getByLabel('Simulated requests').fill('50000');
    await settled(page, before);
    await expect(page.getByTestId('sim-error')).toHaveCount(0);
    await page.getByLabel('Max connections').fill('25');
    await expect.poll(async () => (await peakOf(page))?.max).toBe(25);
    expect(errors).toEqual([]);
  });
});
