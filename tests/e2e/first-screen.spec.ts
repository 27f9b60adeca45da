import { expect, test, type Page } from '@playwright/test';
import { defaultScenario, shareUrl } from '../../src/core/index.ts';

/** Holds the app's script back until `release()`, so the static first screen can be inspected alone. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/boot-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test.describe('the first screen before the app has loaded', () => {
  test('should be in the built page itself: the answer for the default scenario, as text', async ({ request }) => {
    const html = await (await request.get('/')).text();
    expect(html).toMatch(/data-testid="answer-maxConnections"><strong>30<\/strong>/);
    expect(html).toContain('At the peak the formula puts 26.7 requests in flight: 27 connections, 30 with 10 % headroom.');
    expect(html).toMatch(/<div class="app" data-prerendered="" inert="">/);
  });

  test('should show the static answer at once, then adopt it in place with no error', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const release = await holdApp(page);
    await page.goto('/');
    const staticCopy = page.locator('.app[data-prerendered]');
    await expect(staticCopy).toBeVisible();
    await expect(page.getByTestId('answer-maxConnections')).toHaveText('30 connections');
    const marked = await page.evaluate(() => ((window as unknown as { firstH1: Element | null }).firstH1 = document.querySelector('h1')) !== null);
    expect(marked).toBe(true);
    release();
    // Hydrated: the same elements, no longer inert, and the simulation runs.
    await expect(page.locator('.app')).not.toHaveAttribute('inert');
    await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    expect(await page.evaluate(() => document.querySelector('h1') === (window as unknown as { firstH1: Element | null }).firstH1)).toBe(true);
    await page.getByLabel('Max connections').first().fill('44');
    await expect(page.getByTestId('answer-maxConnections')).toHaveText('44 connections');
    expect(errors).toEqual([]);
  });

  test('should hide the static default answer when a link will replace it', async ({ page }) => {
    const scenario = defaultScenario();
    scenario.pool = { ...scenario.pool, maxConnections: 55, maxKeepalive: 20 };
    const release = await holdApp(page);
    await page.goto(shareUrl('/', { scenario, view: { snippetTab: 'undici' } }));
    await expect(page.locator('.app[data-prerendered]')).toBeHidden();
    release();
    await expect(page.getByTestId('answer-maxConnections')).toHaveText('55 connections');
    await expect(page.getByTestId('answer-maxConnections')).toBeVisible();
  });
});
