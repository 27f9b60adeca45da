import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, fullyLoaded } from './quality-helpers.ts';

/** Relative luminance of a computed `rgb(…)` colour, 0 (black) to 1 (white). */
async function luminance(page: Page, selector: string, property: 'backgroundColor' | 'color' | 'stroke'): Promise<number> {
  const value = await page.locator(selector).first().evaluate((el, prop) => getComputedStyle(el)[prop], property);
  const [r, g, b] = (value.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((c) => {
    const v = Number(c) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const pageBackground = (page: Page) => luminance(page, 'body', 'backgroundColor').then(async (body) => (body > 0 ? body : luminance(page, 'html', 'backgroundColor')));

test.describe('colour scheme', () => {
  test('should follow a dark system scheme, charts and code included, and pass axe', async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    await fullyLoaded(page);
    expect(await luminance(page, 'html', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(page, '.card', 'color')).toBeGreaterThan(0.6);
    // Chart lines and code take the dark palette's light strokes and colours.
    expect(await luminance(page, '.chart__plot .recharts-line-curve', 'stroke')).toBeGreaterThan(0.3);
    expect(await luminance(page, 'code.hljs', 'backgroundColor')).toBeLessThan(0.05);
    expect(await luminance(page, 'code.hljs .hljs-keyword', 'color')).toBeGreaterThan(0.2);
    await expectNoSeriousA11yViolations(page, 'dark scheme');

    await page.emulateMedia({ colorScheme: 'light' });
    expect(await luminance(page, 'html', 'backgroundColor')).toBeGreaterThan(0.8);
    expect(await luminance(page, '.chart__plot .recharts-line-curve', 'stroke')).toBeLessThan(0.3);
    await expectNoSeriousA11yViolations(page, 'light scheme');
  });

  test('should remember the chosen scheme and apply it before the app runs', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const picker = page.getByLabel('Colour scheme');
    await picker.selectOption('light');
    expect(await luminance(page, 'html', 'backgroundColor')).toBeGreaterThan(0.8);

    await page.reload();
    await expect(page.getByLabel('Colour scheme')).toHaveValue('light');
    expect(await luminance(page, 'html', 'backgroundColor')).toBeGreaterThan(0.8);

    // With the app's script blocked, the choice still applies: it is set by the tiny head script,
    // before the first paint, not by React after it.
    await page.getByLabel('Colour scheme').selectOption('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await pageBackground(page)).toBeLessThan(0.05);
    await page.unroute(/\/assets\/index-[^/]+\.js$/);

    await page.reload();
    await page.getByLabel('Colour scheme').selectOption('system');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
    expect(await luminance(page, 'html', 'backgroundColor')).toBeGreaterThan(0.8);
  });
});
