import { expect, test } from '@playwright/test';
import { findPreset, shareUrl } from '../../src/core/index.ts';

test.describe('share links and saved work', () => {
  test('should open a shared link with its values and numbers', async ({ page }) => {
    const preset = findPreset('backend-api')!;
    const scenario = { ...preset.scenario, workload: { ...preset.scenario.workload, arrival: { kind: 'poisson' as const, perSec: 45 } } };
    const url = shareUrl('/', { scenario, view: { snippetTab: 'httpx' } });
    await page.goto(url);
    await expect(page.getByLabel('Request rate')).toHaveValue('45');
    await expect(page.getByLabel('Protocol')).toHaveValue('h2');
    await expect(page.getByTestId('result-poolSize')).toHaveText('36'); // 45 req/s × 0.8 s
    await expect(page.getByTestId('notices')).toHaveCount(0);
  });

  test('should open a broken link with a clear message and a working app', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto('/#s=1.N4IgzgxgTg9g7gCwJZgLQDYCMAKAsgQwE8QAaEAF0TjLzABM0BmkA');
    await expect(page.getByTestId('notice-error')).toContainText('This link could not be opened');
    await expect(page.getByTestId('result-maxConnections')).toHaveText('30');
    await page.getByLabel('Peak concurrent users').fill('200');
    await expect(page.getByTestId('result-poolSize')).toHaveText('54');
    expect(errors).toEqual([]);
  });

  test('should refuse a link with injected markup or out-of-range values without rendering it', async ({ page }) => {
    await page.goto('/#s=1.<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('notice-error')).toBeVisible();
    await expect(page.locator('img')).toHaveCount(0);
  });

  test('should keep edits across a reload and follow them in the address bar', async ({ page }) => {
    await page.goto('/');
    const historyLength = await page.evaluate(() => history.length);
    // The address bar holds a share link from the start; each edit replaces it.
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#s=1\./);
    const initialHash = await page.evaluate(() => location.hash);
    await page.getByLabel('Peak concurrent users').fill('250');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(initialHash);
    const hashAfterEdit = await page.evaluate(() => location.hash);
    await page.getByLabel('Peak concurrent users').fill('260');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(hashAfterEdit);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await page.reload();
    await expect(page.getByLabel('Peak concurrent users')).toHaveValue('260');
    await page.goto('/'); // no link: the saved state comes back
    await expect(page.getByLabel('Peak concurrent users')).toHaveValue('260');
  });

  test('should report a corrupted saved state and start from the defaults', async ({ page }) => {
    await page.goto('/');
    // The app saves its first state once it has started (the address bar gets the link at the same
    // moment): corrupt the save only after that, or a slow start overwrites the corruption.
    await expect(page).toHaveURL(/#s=/);
    await page.evaluate(() => localStorage.setItem('pool-sizer:state', '{"version":1,"fragment":"s=1.broken'));
    await page.goto('/');
    await expect(page.getByTestId('notice-error')).toContainText('could not be restored');
    await expect(page.getByTestId('result-maxConnections')).toHaveText('30');
  });

  test('should ask before resetting to the defaults', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Peak concurrent users').fill('300');
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('reset-confirm')).toContainText('Discard your scenario');
    await page.getByRole('button', { name: 'Keep my scenario' }).click();
    await expect(page.getByLabel('Peak concurrent users')).toHaveValue('300');
    await page.getByTestId('reset').click();
    await page.getByRole('button', { name: 'Discard and reset' }).click();
    await expect(page.getByLabel('Peak concurrent users')).toHaveValue('100');
  });

  test('should import a scenario file, and refuse an invalid one naming the field', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-scenario').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"pool":{"maxConnections":-2}}') });
    await expect(page.getByTestId('notice-error')).toContainText('pool.maxConnections: must be at least 1');
    await expect(page.getByTestId('result-maxConnections')).toHaveText('30');
    await page.getByTestId('import-scenario').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ version: 1, workload: { arrival: { kind: 'users', users: 10, thinkSec: 30 } } })) });
    await expect(page.getByLabel('Peak concurrent users')).toHaveValue('10');
  });

  test('should say a long trace cannot travel in a link, and show no link or saved copy of another scenario', async ({ page }) => {
    const traceFile = (requests: number) => ({
      name: `trace-${requests}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 1, workload: { arrival: { kind: 'trace', rows: Array.from({ length: requests }, (_, i) => [i * 0.5, 2]) } } })),
    });
    await page.goto('/');
    await expect(page).toHaveURL(/#s=/);
    await page.getByTestId('import-scenario').setInputFiles(traceFile(2_001));
    await expect(page.getByText('replays a recorded trace of 2,001 requests')).toBeVisible();
    await expect(page.getByTestId('link-refusal')).toContainText('its trace has 2,001 requests and a link holds at most 2,000');
    await expect(page.getByTestId('copy-link')).toBeDisabled();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
    expect(await page.evaluate(() => localStorage.getItem('pool-sizer:state'))).toBeNull();
    await expect(page.getByTestId('code-undici')).not.toContainText('#s=');
    // The simulation runs on the trace all the same (its rows cross to the worker packed): 2,001
    // requests less the 10 % warm-up.
    await expect(page.getByTestId('sim-status')).toContainText('1,801 requests measured after warm-up', { timeout: 30_000 });
    await expect(page.getByTestId('sim-error')).toHaveCount(0);

    await page.getByTestId('import-scenario').setInputFiles(traceFile(2_000));
    await expect(page.getByText('replays a recorded trace of 2,000 requests')).toBeVisible();
    await expect(page.getByTestId('link-refusal')).toHaveCount(0);
    await expect(page.getByTestId('copy-link')).toBeEnabled();
    await expect(page).toHaveURL(/#s=1\./);
    await page.reload();
    await expect(page.getByText('replays a recorded trace of 2,000 requests')).toBeVisible();
  });

  test('should export the scenario as a JSON file the CLI reads', async ({ page }) => {
    await page.goto('/');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-scenario').click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    const scenario = JSON.parse(Buffer.concat(text).toString('utf8'));
    expect(scenario).toMatchObject({ version: 2, pool: { maxConnections: 30 } });
  });
});
