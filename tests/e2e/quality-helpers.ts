/** Shared steps for the quality specs (a11y, theme, layout, privacy, offline). */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Waits until the latest simulation run has finished and its result is the one on screen. */
export async function settled(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const status = page.getByTestId('sim-status');
        const latest = Number(await status.getAttribute('data-latest-run-id'));
        return latest > 0 && (await status.getAttribute('data-status')) === 'done' && Number(await status.getAttribute('data-run-id')) === latest;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

export const CHART_IDS = ['sweep', 'timeseries', 'latency', 'keepalive', 'poolsplit'] as const;

/** Everything drawn: the simulation, every chart that has data, and the lazily loaded export panel. */
export async function fullyLoaded(page: Page): Promise<void> {
  await settled(page);
  for (const id of CHART_IDS) await expect(page.getByTestId(`chart-${id}`)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const plots = page.locator('.chart__plot');
  const count = await plots.count();
  // Plots draw when on screen (off-screen ones keep their last drawing), so each is scrolled into view.
  for (let i = 0; i < count; i++) {
    await plots.nth(i).scrollIntoViewIfNeeded();
    await expect(plots.nth(i).locator('.recharts-surface')).toBeVisible();
  }
  await expect(page.getByRole('tablist', { name: 'Library' })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Opens every folded section (chart data tables and any other <details>). */
export async function openAllDetails(page: Page): Promise<void> {
  await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}

/** axe-core against WCAG 2.1 A/AA; fails listing each serious or critical violation and where. */
export async function expectNoSeriousA11yViolations(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 8).join('\n    ')}`);
  expect(serious, `${context}: axe found serious or critical violations`).toEqual([]);
}
