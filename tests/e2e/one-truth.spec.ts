import { expect, test, type Page } from '@playwright/test';

/** The e2e proofs of the "one truth" issue: the pool on the page is what is simulated, judged and exported. */

async function waitForResults(page: Page) {
  await expect(page.getByTestId('sim-status')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
}

test.describe('your client, your provider and your pool', () => {
  test('should show what the Anthropic SDK’s defaults do to a single CLI user pausing 30 s', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-cli-tool').click();
    await page.getByLabel('Interval between a user’s requests').fill('30');
    await page.getByLabel('HTTP client').selectOption('anthropic-py');
    await expect(page.getByTestId('compare-head-today')).toHaveText('Anthropic Python SDK defaults');
    await expect(page.getByTestId('difference-today-reuse')).toContainText('most requests open a new connection: keep-alive 5 s is shorter than the 30 s between this user’s requests');
    const todayReuse = await page.getByTestId('compare-today-reuseRate').textContent();
    expect(Number.parseFloat(todayReuse!)).toBeLessThan(30);
    await expect(page.getByTestId('compare-today-handshakesPerRequest')).not.toHaveText('…');
  });

  test('should show Go’s re-dials over HTTP/1.1 and raw OkHttp’s queue above 5 calls per host, from the numbers', async ({ page }) => {
    await page.goto('/');
    // Over TLS Go speaks HTTP/2 and one connection carries the burst: the idle-cap trap shows on plain HTTP/1.1.
    await page.getByLabel('TLS', { exact: true }).selectOption('none');
    await page.getByLabel('HTTP client').selectOption('go-nethttp');
    await expect(page.getByTestId('compare-head-today')).toHaveText('Go net/http defaults');
    await expect(page.getByTestId('difference-today-reuse')).toContainText('MaxIdleConnsPerHost 2 keeps at most 2 idle', { timeout: 30_000 });
    await expect(page.getByTestId('difference-today-reuse')).toContainText(/the next burst re-dials them \(0\.\d\d new connections and [\d.]+ ms of handshakes per request\)/);
    // Each language's grammar loads on its first snippet: Go's and Java's are coloured once they arrive.
    await page.getByTestId('tab-go-nethttp').click();
    await expect(page.getByTestId('code-go-nethttp').locator('.hljs-keyword').first()).toBeVisible();
    await page.getByLabel('HTTP client').selectOption('okhttp');
    await expect(page.getByTestId('compare-head-today')).toHaveText('OkHttp defaults');
    await page.getByTestId('tab-okhttp').click();
    await expect(page.getByTestId('code-okhttp').locator('.hljs-keyword').first()).toBeVisible();
    await expect(page.getByTestId('difference-today-queue')).toContainText(/the Dispatcher runs at most 5 calls per host \(maxRequestsPerHost\) and queues the rest: \d+ % of calls wait, [\d,]+ s on average/, { timeout: 30_000 });
  });

  test('should ask which Node only for a client on Node’s fetch, and export for the Node chosen', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByLabel('Node.js version')).toHaveCount(0);
    await page.getByLabel('HTTP client').selectOption('node-fetch');
    const node = page.getByLabel('Node.js version');
    await expect(node).toHaveValue('24');
    await expect(page.getByTestId('code-undici')).toContainText('bundles undici 7.29.1, which speaks HTTP/1.1');
    await node.selectOption('26');
    await expect(page.locator('#scenario-node-help')).toContainText('negotiates HTTP/2 by ALPN');
    await expect(page.getByTestId('code-undici')).toContainText('bundles undici 8.10.2, which negotiates HTTP/2');
    await page.getByLabel('HTTP client').selectOption('httpx2');
    await expect(page.getByLabel('Node.js version')).toHaveCount(0);
  });

  test('should apply the target-based size to the pool fields, the simulation and the export', async ({ page }) => {
    await page.goto('/');
    const apply = page.getByTestId('proposal-target-apply');
    await expect(apply).toBeEnabled({ timeout: 30_000 });
    const proposed = (await page.getByTestId('proposal-target-connections').textContent())!.match(/\d+/)![0];
    await apply.click();
    await expect(apply).toHaveText('Applied to your pool ✓');
    await expect(page.getByLabel('Max connections').first()).toHaveValue(proposed);
    await expect(page.getByTestId('code-undici')).toContainText(`connections: ${proposed},`);
    await waitForResults(page);
    await expect(page.getByTestId('monitor-peak')).toContainText(`of ${proposed}`);
    // The applied size meets the target it was found for, so the page says so.
    await expect(page.getByTestId('monitor-wait')).toHaveAttribute('data-verdict', 'good');
  });

  test('should never apply a proposal computed before the last edit', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('proposal-target-apply')).toBeEnabled({ timeout: 30_000 });
    await page.getByLabel('Peak concurrent users').fill('300');
    // At once the old answer is withdrawn; the new one arrives for the new inputs only.
    await expect(page.getByTestId('proposal-target-pending')).toBeVisible();
    await expect(page.getByTestId('proposal-target-apply')).toBeEnabled({ timeout: 30_000 });
    const proposed = Number((await page.getByTestId('proposal-target-connections').textContent())!.match(/\d+/)![0]);
    expect(proposed).toBeGreaterThan(80);
  });

  test('should show and edit the batch preset’s streaming pool', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('preset-batch').click();
    const streaming = page.getByTestId('pool-fields-streaming');
    await expect(streaming).toContainText('carries stream');
    const max = streaming.getByLabel('Max connections');
    await expect(max).toHaveValue('40');
    await max.fill('55');
    await expect(page.getByTestId('export-source')).toContainText('streaming: 55 connections');
    await expect(page.getByTestId('code-undici')).toContainText('connections: 55,');
    await waitForResults(page);
    await expect(page.getByTestId('monitor-peak')).toContainText('of 135');
  });

  test('should write OpenAI’s key variable and base URL into every snippet', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('API provider').selectOption('openai');
    await expect(page.getByLabel('API key variable')).toHaveValue('OPENAI_API_KEY');
    for (const tab of ['undici', 'undici7', 'httpx', 'httpx2', 'openai-py', 'openai-ts', 'anthropic-py']) {
      await page.getByTestId(`tab-${tab}`).click();
      const codes = page.getByTestId('export-panel').locator('code.hljs');
      const count = await codes.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const text = await codes.nth(i).textContent();
        if (/monitor/i.test((await codes.nth(i).getAttribute('data-testid')) ?? '')) continue;
        expect(text, tab).toContain('OPENAI_API_KEY');
        expect(text, tab).not.toContain('ANTHROPIC_API_KEY');
        expect(text, tab).toContain('api.openai.com');
      }
    }
  });

  test('should warn when the pool is sized above what the rate limit carries', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('warnings')).toHaveCount(0);
    await page.getByLabel('Requests per minute').fill('60');
    await expect(page.getByTestId('warning-rate-limit')).toContainText('60 requests/min carries only about 8 at once (60 requests/min × 8 s ÷ 60)');
    await page.getByLabel('Requests per minute').fill('60000');
    await expect(page.getByTestId('warning-rate-limit')).toHaveCount(0);
  });
});
