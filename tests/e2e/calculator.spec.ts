import { expect, test } from '@playwright/test';

test.describe('calculator', () => {
  test('should show the worked example 27 → 30 / 15 on first load', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('result-poolSize')).toHaveText('27');
    await expect(page.getByTestId('result-maxConnections')).toHaveText('30');
    await expect(page.getByTestId('result-maxKeepalive')).toHaveText('15');
    await expect(page.getByTestId('step-inFlight')).toContainText('100 users × 8 s ÷ 30 s = 26.7');
  });

  test('should fill the inputs from a preset and update as a field is edited', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-backend-api').click();
    await expect(page.getByLabel('Request rate')).toHaveValue('30');
    await expect(page.getByTestId('preset-note')).toContainText('HTTP/2');
    await expect(page.getByTestId('result-h2Connections')).toBeVisible();
    const before = await page.getByTestId('result-poolSize').textContent();
    await page.getByLabel('Request rate').fill('60');
    await expect(page.getByTestId('result-poolSize')).not.toHaveText(before ?? '');
    await expect(page.getByTestId('result-poolSize')).toHaveText('48');
  });

  for (const [what, typed, message] of [
    ['empty', '', 'enter a number'],
    ['not a number', 'lots', '“lots” is not a number'],
    ['negative', '-4', 'must be at least 1'],
    ['absurdly large', '99999999', 'must be at most 1,000,000'],
  ] as const) {
    test(`should show a message next to the field and keep the last result when it is ${what}`, async ({ page }) => {
      await page.goto('/');
      const users = page.getByLabel('Peak concurrent users');
      await users.fill('200');
      await expect(page.getByTestId('result-poolSize')).toHaveText('54');
      await users.fill(typed);
      await expect(page.getByTestId('error-workload-arrival-users')).toHaveText(message);
      await expect(users).toHaveValue(typed);
      await expect(page.getByTestId('result-poolSize')).toHaveText('54');
      await expect(page.getByTestId('stale-note')).toBeVisible();
      await expect(page.locator('body')).not.toContainText('NaN');
      await expect(page.locator('body')).not.toContainText('Infinity');
    });
  }

  test('should refuse a zero interval between requests', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Interval between a user’s requests').fill('0');
    await expect(page.getByTestId('error-workload-arrival-thinkSec')).toHaveText('must be greater than 0 s');
    await expect(page.getByTestId('result-maxConnections')).toHaveText('30');
  });
});

test.describe('optional fields and warnings', () => {
  test('should warn about a server idle timeout below the keep-alive, and drop it when removed', async ({ page }) => {
    await page.goto('/');
    // The API's own idle timeout is the path's last hop, of kind "API server".
    const editor = page.getByTestId('path-editor');
    await editor.getByRole('button', { name: 'Add hop' }).click();
    const server = editor.getByTestId('hop-0');
    await server.getByLabel('Kind').selectOption('server');
    await expect(server.locator('legend')).toHaveText('API server');
    const idle = server.getByLabel('Idle limit');
    await idle.fill('60');
    await expect(page.getByTestId('warning-stale-shared')).toContainText('server’s idle timeout (60 s)');
    await idle.fill('-1');
    await expect(page.getByTestId('error-network-middleboxes-0-idleSec')).toHaveText('must be greater than 0 s');
    await expect(page.getByTestId('warning-stale-shared')).toContainText('server’s idle timeout (60 s)');
    await server.getByRole('button', { name: /^Remove hop 1/ }).click();
    await expect(editor.getByTestId('hop-0')).toHaveCount(0);
    await expect(page.getByTestId('warning-stale-shared')).toHaveCount(0);
  });
});
