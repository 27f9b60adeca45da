import { expect, test } from '@playwright/test';
import { CHART_IDS, expectNoSeriousA11yViolations, fullyLoaded, openAllDetails, settled } from './quality-helpers.ts';

test.describe('accessibility', () => {
  test('should pass axe on the default page and with every panel open', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await fullyLoaded(page);
    await expectNoSeriousA11yViolations(page, 'default page');

    await openAllDetails(page);
    await expectNoSeriousA11yViolations(page, 'data tables open');

    const tabs = page.getByRole('tablist', { name: 'Library' }).getByRole('tab');
    const tabCount = await tabs.count();
    expect(tabCount).toBeGreaterThan(1);
    for (let i = 0; i < tabCount; i++) {
      await tabs.nth(i).click();
      await expect(tabs.nth(i)).toHaveAttribute('aria-selected', 'true');
      await expectNoSeriousA11yViolations(page, `export tab ${(await tabs.nth(i).textContent()) ?? i}`);
    }
  });

  test('should pass axe for every preset, with the data tables open', async ({ page }) => {
    // One full simulation and one scan per preset.
    test.setTimeout(240_000);
    await page.goto('/');
    await settled(page);
    const presets = page.getByRole('group', { name: 'Presets' }).getByRole('button');
    const count = await presets.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      const preset = presets.nth(i);
      await preset.click();
      await expect(preset).toHaveAttribute('aria-pressed', 'true');
      await fullyLoaded(page);
      await openAllDetails(page);
      await expectNoSeriousA11yViolations(page, `preset ${await preset.getAttribute('data-testid')}`);
    }
  });

  test('should operate the export tabs from the keyboard (WAI-ARIA tabs)', async ({ page }) => {
    await page.goto('/');
    const list = page.getByRole('tablist', { name: 'Library' });
    const tabs = list.getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    const count = await tabs.count();
    // One tab stop: only the selected tab is in the tab order.
    await expect(list.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
    await tabs.first().click();
    await expect(tabs.first()).toBeFocused();

    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(1)).toBeFocused();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.first()).toHaveAttribute('aria-selected', 'false');
    await expect(tabs.nth(1)).toHaveAttribute('tabindex', '0');
    await expect(tabs.first()).toHaveAttribute('tabindex', '-1');

    await page.keyboard.press('End');
    await expect(tabs.nth(count - 1)).toBeFocused();
    await expect(tabs.nth(count - 1)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowRight');
    await expect(tabs.first()).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.nth(count - 1)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(tabs.first()).toBeFocused();
    await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');

    // The panel is named by the selected tab and is the next tab stop.
    const panelId = await tabs.first().getAttribute('aria-controls');
    const panel = page.locator(`#${panelId}`);
    await expect(panel).toHaveAttribute('role', 'tabpanel');
    await expect(panel).toHaveAttribute('aria-labelledby', (await tabs.first().getAttribute('id'))!);
    await page.keyboard.press('Tab');
    await expect(panel).toBeFocused();
    await expect(panel).toContainText('connections');
  });

  test('should make each chart one named, focusable image with its data as a table', async ({ page }) => {
    await page.goto('/');
    await fullyLoaded(page);
    const plots = page.locator('.chart__plot');
    const drawn = await plots.count();
    expect(drawn).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < drawn; i++) {
      const plot = plots.nth(i);
      await expect(plot).toHaveAttribute('role', 'img');
      await expect(plot).toHaveAttribute('tabindex', '0');
      await expect(plot).toHaveAccessibleName(/\w{4,}/);
      await expect(plot).toHaveAccessibleDescription(/\d/);
      // No tab stop inside the picture: recharts' own focusable elements are off.
      expect(await plot.evaluate((el) => Array.from(el.querySelectorAll<HTMLElement>('*')).filter((child) => child.tabIndex >= 0).length)).toBe(0);
    }
    // Tabbing through the charts stops once per chart and once per (folded) data table, nothing more.
    await plots.first().focus();
    let stops = 1;
    while (stops < 100) {
      await page.keyboard.press('Tab');
      if (!(await page.evaluate(() => document.activeElement?.closest('.charts') != null))) break;
      stops++;
    }
    const tables = await page.locator('.charts details').count();
    expect(stops).toBe(drawn + tables);

    for (const id of CHART_IDS.filter((id) => id !== 'poolsplit')) {
      const data = page.getByTestId(`chart-${id}-data`);
      await data.locator('summary').click();
      await expect(data.locator('tbody tr').first()).toBeVisible();
      await expect(page.getByTestId(`chart-${id}-reading`)).toHaveText(/\d/);
    }
  });

  test('should put focus back on a sensible control after the reset confirmation', async ({ page }) => {
    await page.goto('/');
    const reset = page.getByTestId('reset');
    await reset.click();
    await expect(page.getByTestId('reset-confirm')).toBeVisible();
    await expect(page.getByTestId('reset-keep')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('reset-confirm')).toBeHidden();
    await expect(reset).toBeFocused();

    await reset.click();
    await page.getByTestId('reset-keep').click();
    await expect(reset).toBeFocused();

    await reset.click();
    await page.getByRole('button', { name: 'Discard and reset' }).click();
    await expect(page.getByTestId('reset-confirm')).toBeHidden();
    await expect(reset).toBeFocused();
  });
});
