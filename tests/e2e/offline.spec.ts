import { expect, test } from '@playwright/test';
import { fullyLoaded } from './quality-helpers.ts';

test.describe('offline', () => {
  test('should work offline once loaded', async ({ page, context }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await fullyLoaded(page);

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId('answer-maxConnections')).toHaveText(/\d/);
    await fullyLoaded(page);
    await page.getByRole('tab').nth(1).click();
    await expect(page.getByRole('tabpanel')).toContainText('connections');
    await context.setOffline(false);
  });

  test('should cache this build under its own name, drop older caches, and hand over to a new worker', async ({ page }) => {
    test.setTimeout(120_000);
    // A cache left by an earlier build, present before this build's worker activates.
    await page.addInitScript(() => {
      if (!navigator.serviceWorker.controller) void caches.open('pool-sizer-0000earlierbuild');
    });
    await page.goto('/');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const build = await (await page.request.get('/sw-assets.js')).text();
    const version = /"version": "([0-9a-f]{16})"/.exec(build)?.[1];
    expect(version, 'sw-assets.js names the build').toBeTruthy();
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`pool-sizer-${version}`]);
    // Everything index.html loads is in the list the worker caches.
    const html = await (await page.request.get('/')).text();
    for (const [, file] of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) expect(build).toContain(`"${file}"`);

    // A new worker script (as a new build brings) installs, takes over the open page at once, and
    // the page says a new version is ready.
    await page.evaluate(() => navigator.serviceWorker.register('/sw.js?next'));
    await expect(page.getByText('A new version of pool-sizer is ready')).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/sw\.js\?next$/);
  });
});
