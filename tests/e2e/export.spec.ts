import { expect, test } from '@playwright/test';
import { decodeShareFragment } from '../../src/core/index.ts';

test.describe('export panel', () => {
  test('should show each library’s code sized by the formula, with working tabs', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('code-undici')).toContainText('connections: 30');
    await expect(page.getByTestId('code-undici')).toContainText('keepAliveTimeout: 120_000');
    await expect(page.getByTestId('code-undici').locator('.hljs-keyword').first()).toBeVisible();
    await page.getByTestId('tab-httpx').click();
    await expect(page.getByTestId('code-httpx')).toContainText('max_connections=30');
    await expect(page.getByTestId('code-httpx')).toContainText('max_keepalive_connections=15');
    await page.getByTestId('tab-sdks').click();
    await expect(page.getByTestId('code-anthropic-py')).toContainText('http_client=http_client');
    await expect(page.getByTestId('code-openai-ts')).toContainText('fetchOptions: { dispatcher: aiAgent }');
    await page.getByTestId('tab-monitoring').click();
    await expect(page.getByTestId('code-monitor-undici')).toContainText('diagnosticsChannel');
    // The chosen tab travels in the share link.
    await expect
      .poll(async () => {
        const decoded = decodeShareFragment(await page.evaluate(() => location.hash));
        return decoded.ok && decoded.payload.view.snippetTab;
      })
      .toBe('monitoring');
    await page.reload();
    await expect(page.getByTestId('tab-monitoring')).toHaveAttribute('aria-selected', 'true');
  });

  test('should copy with a visible confirmation and download a file', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await page.getByTestId('copy-undici').click();
    await expect(page.getByTestId('copy-undici')).toHaveText('Copied ✓');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("import { Agent, fetch } from 'undici';");
    const download = page.waitForEvent('download');
    await page.getByTestId('download-undici').click();
    expect((await download).suggestedFilename()).toBe('pool.mjs');
  });

  test('should follow the target-based recommendation when the user picks it', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('target-size')).toHaveText(/^\d+$/);
    const size = (await page.getByTestId('target-size').textContent())!.trim();
    await page.getByLabel(/the target-based size/).check();
    await expect(page.getByTestId('export-source')).toContainText(`${size} connections`);
    await expect(page.getByTestId('code-undici')).toContainText(`connections: ${size},`);
  });

  test('should keep hostile names inert in the code shown', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Name').first().fill('x"); alert(1); //<img src=x>');
    await expect(page.getByTestId('code-undici')).toContainText('\\"); alert(1); //<img src=x>');
    await expect(page.locator('img')).toHaveCount(0);
  });
});
