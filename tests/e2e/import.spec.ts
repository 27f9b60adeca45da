import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { HAR_FIXTURE, OTEL_FIXTURE } from '../unit/import/realFixtures.ts';

test.describe('import traffic', () => {
  test('should import the real OpenTelemetry trace in a worker and replay it as the workload', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await page.getByTestId('import-traffic-open').click();
    await page.getByTestId('import-traffic-file').setInputFiles(OTEL_FIXTURE.file);
    await expect(page.getByTestId('import-kept')).toHaveText(String(OTEL_FIXTURE.apiCalls));
    const mean = Number(await page.getByTestId('import-mean').textContent());
    expect(Math.abs(mean / OTEL_FIXTURE.meanDurationSec - 1)).toBeLessThan(0.03);
    await expect(page.getByTestId('import-summary')).toContainText('GenAI span of a call already counted');
    const axe = await new AxeBuilder({ page }).include('[data-testid="import-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.getByTestId('import-use-trace').click();
    await expect(page.getByText(`replays a recorded trace of ${OTEL_FIXTURE.apiCalls} requests`)).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('should import the real Chromium HAR and use the fitted model', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-traffic-open').click();
    await page.getByTestId('import-traffic-file').setInputFiles(HAR_FIXTURE.file);
    await expect(page.getByTestId('import-kept')).toHaveText(String(HAR_FIXTURE.apiCalls));
    const rate = Number(await page.getByTestId('import-fit-rate').textContent());
    expect(Math.abs(rate / HAR_FIXTURE.ratePerSec - 1)).toBeLessThan(0.1);
    await page.getByTestId('import-use-fit').click();
    const perSec = Number(await page.getByLabel('Request rate').inputValue());
    expect(Math.abs(perSec / HAR_FIXTURE.ratePerSec - 1)).toBeLessThan(0.1);
  });

  test('should name the line of a broken file and keep the workload', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('import-traffic-open').click();
    await page.getByTestId('import-traffic-file').setInputFiles({ name: 'log.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"timestamp":1,"duration_s":1}\n{"timestamp": <b>\n') });
    await expect(page.getByTestId('import-error')).toContainText('line 2: not valid JSON');
    await expect(page.locator('b')).toHaveCount(0);
    await expect(page.getByLabel('Peak concurrent users')).toBeVisible();
  });
});
