import { expect, test } from '@playwright/test';
import { decodeShareFragment } from '../../src/core/index.ts';

test.describe('export panel', () => {
  test('should show each client’s code for the pool on the page, with working tabs', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('code-undici')).toContainText('connections: 30');
    await expect(page.getByTestId('code-undici')).toContainText('keepAliveTimeout: 120_000');
    // Colours are added once the code has been scrolled near.
    await page.getByTestId('code-undici').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('code-undici').locator('.hljs-keyword').first()).toBeVisible();
    await page.getByTestId('tab-httpx').click();
    await expect(page.getByTestId('code-httpx')).toContainText('max_connections=30');
    await expect(page.getByTestId('code-httpx')).toContainText('max_keepalive_connections=15');
    await page.getByTestId('tab-anthropic-py').click();
    await expect(page.getByTestId('code-anthropic-py')).toContainText('httpx2');
    await page.getByTestId('tab-undici').click();
    await expect(page.getByTestId('code-monitor-undici')).toContainText('diagnosticsChannel');
    await page.getByTestId('tab-httpx2').click();
    // The chosen tab travels in the share link.
    await expect
      .poll(async () => {
        const decoded = decodeShareFragment(await page.evaluate(() => location.hash));
        return decoded.ok && decoded.payload.view.snippetTab;
      })
      .toBe('httpx2');
    await page.reload();
    await expect(page.getByTestId('tab-httpx2')).toHaveAttribute('aria-selected', 'true');
  });

  test('should colour the code only once it has been scrolled near', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await page.goto('/');
    const code = page.getByTestId('code-undici');
    await expect(code).toContainText('connections: 30');
    // Far below the answer on a phone: plain text, and the highlighting worker not started for it.
    await expect(code).toHaveAttribute('data-highlighted', 'false');
    await code.scrollIntoViewIfNeeded();
    await expect(code).toHaveAttribute('data-highlighted', 'true');
    await expect(code.locator('.hljs-keyword').first()).toBeVisible();
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

  test('should export the pool typed into the pool fields', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Max connections').first().fill('330');
    await expect(page.getByTestId('export-source')).toContainText('330 connections');
    await expect(page.getByTestId('code-undici')).toContainText('connections: 330,');
    await page.getByTestId('tab-httpx').click();
    await expect(page.getByTestId('code-httpx')).toContainText('max_connections=330');
    await expect(page.getByTestId('code-httpx')).toContainText('max_keepalive_connections=15');
  });

  test('should keep hostile names inert in the code shown', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Name').first().fill('x"); alert(1); //<img src=x>');
    await expect(page.getByTestId('code-undici')).toContainText('\\"); alert(1); //<img src=x>');
    await expect(page.locator('img')).toHaveCount(0);
  });
});
