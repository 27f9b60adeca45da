import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { HOP_FACTS } from '../../src/core/path/hops.ts';

/** The address bar holds the share link; it changes once the edit has been saved into it. */
async function linkAfter(page: Page, edit: () => Promise<void>): Promise<string> {
  await expect(page).toHaveURL(/#s=/);
  const before = await page.evaluate(() => location.href);
  await edit();
  await expect.poll(() => page.evaluate(() => location.href)).not.toBe(before);
  return page.evaluate(() => location.href);
}

test.describe('the path to the API', () => {
  test('should apply a preset, refuse a zero limit keeping the last good path, add a hop and share it', async ({ page, browser }) => {
    await page.goto('/');
    const editor = page.getByTestId('path-editor');
    await expect(page.getByTestId('path-preset-direct')).toHaveAttribute('aria-pressed', 'true');
    await expect(editor.getByTestId('hop-0')).toHaveCount(0);

    await page.getByTestId('path-preset-aws-alb').click();
    await expect(page.getByTestId('path-preset-aws-alb')).toHaveAttribute('aria-pressed', 'true');
    const alb = editor.getByTestId('hop-0');
    await expect(alb.locator('legend')).toHaveText('AWS Application Load Balancer');
    await expect(editor.getByTestId('hop-0-summary')).toHaveText('60 s idle, then closes it (FIN)');
    await expect(alb.getByRole('link', { name: 'Source' })).toHaveAttribute('href', HOP_FACTS['aws-alb'].source.url);

    // Zero is refused next to the field, in seconds; the path stays the last good one.
    const idle = alb.getByLabel('Idle limit');
    await idle.fill('0');
    await expect(page.getByTestId('error-network-middleboxes-0-idleSec')).toHaveText('must be greater than 0 s');
    await expect(idle).toHaveValue('0');
    await expect(idle).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.getByTestId('hop-0-summary')).toContainText('60 s');
    await expect(page.getByTestId('stale-note')).toBeVisible();
    await idle.fill('45');
    await expect(page.getByTestId('error-network-middleboxes-0-idleSec')).toHaveCount(0);
    await expect(editor.getByTestId('hop-0-summary')).toContainText('45 s');
    await expect(page.getByTestId('path-preset-aws-alb')).toHaveAttribute('aria-pressed', 'false');

    const link = await linkAfter(page, async () => {
      await editor.getByRole('button', { name: 'Add hop' }).click();
      const custom = editor.getByTestId('hop-1');
      await expect(custom.locator('legend')).toHaveText('Custom');
      await custom.getByLabel('Then it').selectOption('silent-rst');
      await custom.getByLabel('Idle limit').fill('200');
      await expect(editor.getByTestId('hop-1-summary')).toHaveText('200 s idle, then drops it silently, then resets the next packet (RST)');
    });

    // A fresh browser (no saved state) opening the link sees the same path.
    const other = await browser.newContext();
    const opened = await other.newPage();
    await opened.goto(link);
    const shared = opened.getByTestId('path-editor');
    await expect(shared.getByTestId('hop-0-summary')).toHaveText('45 s idle, then closes it (FIN)');
    await expect(shared.getByTestId('hop-0').locator('legend')).toHaveText('AWS Application Load Balancer');
    await expect(shared.getByTestId('hop-1-summary')).toHaveText('200 s idle, then drops it silently, then resets the next packet (RST)');
    await expect(shared.getByTestId('hop-2')).toHaveCount(0);
    await other.close();
  });

  test('should keep the API server’s hop last when a preset is applied or a hop added', async ({ page }) => {
    await page.goto('/');
    const editor = page.getByTestId('path-editor');
    await editor.getByRole('button', { name: 'Add hop' }).click();
    const last = editor.getByTestId('hop-0');
    await last.getByLabel('Kind').selectOption('server');
    await expect(last.locator('legend')).toHaveText('API server');
    await last.getByLabel('Idle limit').fill('90');
    await expect(editor.getByTestId('hop-0-summary')).toHaveText('90 s idle, then closes it (FIN)');

    await page.getByTestId('path-preset-aws-nat').click();
    await expect(editor.locator('legend')).toHaveText(['AWS NAT gateway', 'Cloudflare', 'API server']);
    await expect(editor.getByTestId('hop-0-summary')).toHaveText('350 s idle, then drops it silently, then resets the next packet (RST)');
    await expect(editor.getByTestId('hop-2-summary')).toContainText('90 s');
    // The server's kind is offered only on the last hop, where it may be.
    await expect(editor.getByTestId('hop-0').getByLabel('Kind').locator('option[value="server"]')).toHaveCount(0);

    await editor.getByRole('button', { name: 'Add hop' }).click();
    await expect(editor.locator('legend')).toHaveText(['AWS NAT gateway', 'Cloudflare', 'Custom', 'API server']);
    await editor.getByRole('button', { name: 'Remove hop 1 (AWS NAT gateway)' }).click();
    await expect(editor.locator('legend')).toHaveText(['Cloudflare', 'Custom', 'API server']);

    await page.getByTestId('path-preset-direct').click();
    await expect(editor.locator('legend')).toHaveText(['API server']);
  });

  test('should clear a refused hop’s message when the hops move', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('path-preset-aws-nat').click();
    const editor = page.getByTestId('path-editor');
    await editor.getByTestId('hop-1').getByLabel('Idle limit').fill('-5');
    await expect(page.getByTestId('error-network-middleboxes-1-idleSec')).toHaveText('must be greater than 0 s');
    await editor.getByRole('button', { name: 'Remove hop 1 (AWS NAT gateway)' }).click();
    await expect(editor.locator('legend')).toHaveText(['Cloudflare']);
    await expect(page.getByTestId('error-network-middleboxes-1-idleSec')).toHaveCount(0);
    await expect(editor.getByTestId('hop-0').getByLabel('Idle limit')).toHaveValue('400');
  });

  test('should show the client’s defaults in the empty request-timing fields and take a value', async ({ page }) => {
    await page.goto('/');
    const pool = page.getByTestId('pool-fields-shared');
    await expect(pool.getByLabel('Read timeout')).toHaveAttribute('placeholder', 'default 300');
    await expect(pool.getByLabel('Retries')).toHaveAttribute('placeholder', 'default 0');
    await expect(pool.getByLabel('TCP keep-alive')).toHaveAttribute('placeholder', 'default: no probes');
    await page.getByLabel('HTTP client').selectOption('anthropic-py');
    await expect(pool.getByLabel('Retries')).toHaveAttribute('placeholder', 'default 2');
    await pool.getByLabel('Retries').fill('11');
    await expect(page.getByTestId('error-pool-maxRetries')).toHaveText('must be at most 10');
    await pool.getByLabel('Retries').fill('');
    await expect(page.getByTestId('error-pool-maxRetries')).toHaveCount(0);
    const firstByte = page.getByTestId('class-0').getByLabel('First byte after');
    await expect(firstByte).toHaveAttribute('placeholder', 'not set');
    await firstByte.fill('0');
    await expect(page.getByTestId('error-workload-classes-0-firstByteSec')).toHaveText('must be greater than 0 s');
    await firstByte.fill('20');
    await expect(page.getByTestId('error-workload-classes-0-firstByteSec')).toHaveCount(0);
  });

  test('should pass axe on the path editor with every kind of hop shown', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('path-preset-aws-nat').click();
    const editor = page.getByTestId('path-editor');
    await editor.getByRole('button', { name: 'Add hop' }).click();
    await editor.getByRole('button', { name: 'Add hop' }).click();
    await editor.getByTestId('hop-3').getByLabel('Kind').selectOption('server');
    await editor.getByTestId('hop-0').getByLabel('Idle limit').fill('0');
    await expect(page.getByTestId('error-network-middleboxes-0-idleSec')).toBeVisible();
    const results = await new AxeBuilder({ page })
      .include('[data-testid="path-editor"]')
      .include('[data-testid="pool-fields-shared"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

    test('should wrap the hops without scrolling sideways', async ({ page }) => {
      await page.goto('/');
      await page.getByTestId('path-preset-aws-nat').click();
      const editor = page.getByTestId('path-editor');
      await editor.getByRole('button', { name: 'Add hop' }).click();
      await expect(editor.getByTestId('hop-2')).toBeVisible();
      const boxes = await Promise.all([0, 1, 2].map((i) => editor.getByTestId(`hop-${i}`).boundingBox()));
      for (const box of boxes) expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      // Stacked, not side by side.
      expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y + boxes[0]!.height - 1);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    });
  });
});
