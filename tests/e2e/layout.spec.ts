import { expect, test, type Page } from '@playwright/test';
import { fullyLoaded, openAllDetails } from './quality-helpers.ts';

const PHONE = { width: 375, height: 667 };

async function noSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

test.describe('phone layout (375 px)', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true });

  test('should show the answer and verdict on the first screen, inputs after it', async ({ page }) => {
    await page.goto('/');
    await fullyLoaded(page);
    const answer = page.getByTestId('answer');
    for (const id of ['answer-poolSize', 'answer-maxConnections', 'answer-maxKeepalive']) {
      await expect(page.getByTestId(id)).toHaveText(/\d/);
    }
    await expect(page.getByTestId('answer-verdict').locator('[data-verdict]').first()).toBeVisible();
    const box = await answer.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, 'the answer ends below the first screen').toBeLessThanOrEqual(PHONE.height);
    // The inputs follow the answer.
    const firstInput = await page.locator('input.field__input').first().boundingBox();
    expect(firstInput!.y).toBeGreaterThan(box!.y + box!.height);
  });

  test('should never scroll sideways, with every panel open, and fit the charts to the screen', async ({ page }) => {
    await page.goto('/');
    await fullyLoaded(page);
    await noSidewaysScroll(page);
    await openAllDetails(page);
    await noSidewaysScroll(page);
    const tabs = page.getByRole('tablist', { name: 'Library' }).getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) {
      await tabs.nth(i).click();
      await noSidewaysScroll(page);
    }
    const surfaces = page.locator('.chart__plot .recharts-surface');
    for (let i = 0; i < (await surfaces.count()); i++) {
      const width = Number(await surfaces.nth(i).getAttribute('width'));
      expect(width).toBeGreaterThan(200);
      expect(width).toBeLessThanOrEqual(PHONE.width);
    }
  });
});

test('should resize the charts with the window', async ({ page }) => {
  // Below 1200 px the charts stack in one column, so each is as wide as the column allows.
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto('/');
  await fullyLoaded(page);
  const plot = page.getByTestId('chart-sweep-plot');
  const surface = plot.locator('.recharts-surface');
  const fits = async () => Math.abs(Number(await surface.getAttribute('width')) - (await plot.evaluate((el) => el.clientWidth)));
  await expect.poll(fits).toBeLessThanOrEqual(2);
  const wide = Number(await surface.getAttribute('width'));
  expect(wide).toBeGreaterThan(500);
  await page.setViewportSize({ width: 400, height: 900 });
  await expect.poll(async () => Number(await surface.getAttribute('width'))).toBeLessThan(400);
  await expect.poll(fits).toBeLessThanOrEqual(2);
  await noSidewaysScroll(page);
});
