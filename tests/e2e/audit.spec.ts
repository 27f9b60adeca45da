import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, settled } from './quality-helpers.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/audit/${name}`, import.meta.url), 'utf8');
// A FastAPI handler that builds an httpx.AsyncClient per request (line 11): httpx's defaults, 100/20, 5 s.
const PER_REQUEST = fixture('13_per_request_fastapi.py');
// Limits from os.getenv with literal fallbacks: 40 connections, 10 kept idle, 30 s, pool timeout 10 s.
const ENV_LIMITS = fixture('01_httpx_env_limits.py');

async function openAudit(page: Page) {
  await page.goto('/');
  await page.getByTestId('audit-open').click();
  const code = page.getByLabel('Your client code', { exact: true });
  await expect(code).toBeFocused();
  return code;
}

test.describe('paste your client code', () => {
  test('should show the pool and the per-request finding, and make the simulation and the export follow “Use as my pool”', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const code = await openAudit(page);
    await code.fill(PER_REQUEST);

    const client = page.getByTestId('audit-client-0');
    await expect(client.getByRole('heading', { level: 3 })).toHaveText('httpx.AsyncClient, line 11');
    await expect(page.getByTestId('audit-summary')).toContainText('Read as Python (detected)');
    await expect(page.getByTestId('audit-0-maxConnections')).toContainText('100');
    await expect(page.getByTestId('audit-0-maxKeepalive')).toContainText('20');
    await expect(page.getByTestId('audit-0-keepaliveSec')).toContainText('5 s');
    await expect(page.getByTestId('audit-0-protocol')).toContainText('HTTP/1.1');
    await expect(page.getByTestId('audit-0-poolTimeoutSec')).toContainText('60 s');
    await expect(page.getByTestId('audit-0-perHost')).toContainText('no per-host cap');
    const perRequest = page.getByTestId('audit-0-findings').locator('[data-kind="per-request"]');
    await expect(perRequest).toHaveAttribute('data-severity', 'error');
    await expect(perRequest.getByTestId('finding-line')).toHaveText('11');
    await expect(perRequest).toContainText('inside the request handler chat');
    await expect(perRequest).toContainText('Fix: build it once at start-up');

    await expectNoSeriousA11yViolations(page, 'audit panel with a result');

    await page.getByTestId('audit-0-use').click();
    await expect(page.getByTestId('audit-used')).toContainText('Your pool is now httpx.AsyncClient (line 11): 100 connections, 20 kept idle, keep-alive 5 s.');
    const pool = page.getByTestId('pool-fields-shared');
    await expect(pool.getByLabel('Max connections')).toHaveValue('100');
    await expect(pool.getByLabel('Max idle kept')).toHaveValue('20');
    await expect(pool.getByLabel('Keep-alive expiry')).toHaveValue('5');
    await expect(page.getByTestId('answer-maxConnections')).toContainText('100');
    // The simulation runs the audited pool: its peak is measured against 100 connections.
    await settled(page);
    await expect(page.getByTestId('monitor-peak')).toContainText('of 100');
    // The export follows the audited client and its pool.
    await expect(page.getByTestId('tab-httpx')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('code-httpx')).toContainText('max_connections=100');
    await expect(page.getByTestId('code-httpx')).toContainText('max_keepalive_connections=20');
    expect(errors).toEqual([]);
  });

  test('should read pasted Go (detected) and Java (picked), and make “Use as my pool” follow a Go Transport', async ({ page }) => {
    const code = await openAudit(page);
    // A Transport literal: MaxConnsPerHost 64, MaxIdleConnsPerHost 32, IdleConnTimeout 2 min, HTTP/2 forced.
    await code.fill(fixture('21_go_transport_literal.go'));
    await expect(page.getByTestId('audit-summary')).toContainText('Read as Go (detected)');
    await expect(page.getByTestId('audit-client-0').getByRole('heading', { level: 3 })).toContainText('line 20');
    await expect(page.getByTestId('audit-0-maxConnections')).toContainText('64');
    await expect(page.getByTestId('audit-0-maxKeepalive')).toContainText('32');
    await expect(page.getByTestId('audit-0-keepaliveSec')).toContainText('120 s');
    await expect(page.getByTestId('audit-0-protocol')).toContainText('HTTP/2');
    await page.getByTestId('audit-0-use').click();
    await expect(page.getByTestId('audit-used')).toContainText('64 connections, 32 kept idle, keep-alive 120 s.');
    await expect(page.getByTestId('tab-go-nethttp')).toHaveAttribute('aria-selected', 'true');

    await page.getByTestId('audit-language').selectOption('java');
    await code.fill(fixture('30_okhttp_default.java'));
    await expect(page.getByTestId('audit-summary')).toContainText('Read as Java:');
    await expect(page.getByTestId('audit-0-maxConnections')).toContainText('5');
    const perHost = page.getByTestId('audit-0-findings').locator('[data-kind="okhttp-per-host-5"]');
    await expect(perHost.getByTestId('finding-line')).toHaveText('6');
    await expect(perHost).toContainText('the sixth concurrent call to one API waits');
  });

  test('should mark limits read from the environment as their fallbacks', async ({ page }) => {
    const code = await openAudit(page);
    await code.fill(ENV_LIMITS);
    await expect(page.getByTestId('audit-0-maxConnections')).toContainText('40');
    await expect(page.getByTestId('audit-0-maxConnections')).toContainText('the fallback of the environment variable LLM_MAX_CONNECTIONS');
    await expect(page.getByTestId('audit-0-maxKeepalive')).toContainText('LLM_KEEPALIVE');
    await expect(page.getByTestId('audit-0-keepaliveSec')).not.toContainText('environment');
  });

  test('should not guess a value set at run time: “Use as my pool” keeps the scenario’s and says so', async ({ page }) => {
    const code = await openAudit(page);
    await code.fill('import httpx2\nfrom settings import cfg\nclient = httpx2.AsyncClient(limits=httpx2.Limits(max_connections=cfg.max_conn, max_keepalive_connections=8))\n');
    await expect(page.getByTestId('audit-0-maxConnections')).toContainText('unknown — set at run time: cfg.max_conn is read at run time');
    await page.getByTestId('audit-0-use').click();
    await expect(page.getByTestId('audit-used')).toContainText('so your scenario’s stay: max connections 30');
    const pool = page.getByTestId('pool-fields-shared');
    await expect(pool.getByLabel('Max connections')).toHaveValue('30');
    await expect(pool.getByLabel('Max idle kept')).toHaveValue('8');
  });

  test('should say the code builds no client, showing pasted markup as text only', async ({ page }) => {
    const code = await openAudit(page);
    await code.fill('# <b id="injected">not a client</b>\nimport json\nprint(json.dumps({"a": 1}))\n');
    await expect(page.getByTestId('audit-none')).toContainText('No HTTP client or SDK constructor found');
    await expect(page.locator('#injected')).toHaveCount(0);
  });

  test('should refuse code over the size cap with a clear message, and read the next paste', async ({ page }) => {
    const code = await openAudit(page);
    await code.fill(`x = 1\n${'#'.repeat(300_000)}\n`);
    await expect(page.getByTestId('audit-error')).toContainText('the audit reads at most 256,000');
    await code.fill(PER_REQUEST);
    await expect(page.getByTestId('audit-error')).toHaveCount(0);
    await expect(page.getByTestId('audit-client-0')).toBeVisible();
  });

  test.describe('on a phone', () => {
    test.use({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });

    test('should fit the width with a result shown', async ({ page }) => {
      const code = await openAudit(page);
      await code.fill(ENV_LIMITS);
      await expect(page.getByTestId('audit-0-use')).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
      expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
    });
  });
});
