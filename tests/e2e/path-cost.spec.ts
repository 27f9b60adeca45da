import { expect, test } from '@playwright/test';
import { parseScenario, shareUrl, type Scenario } from '../../src/core/index.ts';

/** One user a minute apart behind an AWS NAT gateway, on httpx2 with a 15-minute keep-alive: requests go into forgotten flows. */
function behindNat(): Scenario {
  const parsed = parseScenario({
    version: 2,
    client: 'httpx2',
    network: { middleboxes: [{ kind: 'aws-nat' }] },
    workload: { arrival: { kind: 'users', users: 3, thinkSec: 500, thinkDist: 'constant' } },
    pool: { maxConnections: 10, maxKeepalive: 10, keepaliveSec: 900 },
    sim: { requests: 3_000 },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.scenario;
}

test.describe('what the path costs', () => {
  test('should judge the pool, compare the columns on the path and fix it with the proposal', async ({ page }) => {
    await page.goto(shareUrl('/', { scenario: behindNat(), view: { snippetTab: 'httpx2' } }));

    const verdict = page.getByTestId('monitor-path');
    await expect(verdict).toHaveAttribute('data-verdict', 'bad');
    await expect(verdict).toContainText(/\d+ failed · 0 hung · \d+ stale of 2,700/);
    await expect(verdict).toContainText('keep-alive 900 s outlasts the AWS NAT gateway’s 350 s');
    await expect(verdict).toContainText('Apply the proposal: TCP keep-alive probes every 60 s.');

    // The table gains the path's rows; your pool loses requests that the recommended pool does not.
    await expect(page.getByTestId('compare-yours-failedShare')).toHaveText(/^[1-9][0-9.]* %$|^0\.[0-9]+ %$/);
    await expect(page.getByTestId('compare-recommended-failedShare')).toHaveText('0 %');
    await expect(page.getByTestId('difference-recommended-path')).toContainText(/^On this path, with your pool .* of requests are sent on a connection the path had closed, .* fail; with the recommended pool no request meets a connection the path closed\.$/);

    // Applying the proposal writes the probes into the pool: the verdict turns good and the export sets them.
    await expect(page.getByTestId('proposal-formula-pool-shared')).toContainText('TCP keep-alive probes every 60 s');
    await page.getByTestId('proposal-formula-apply').click();
    await expect(page.getByTestId('monitor-path')).toHaveAttribute('data-verdict', 'good');
    await expect(page.getByTestId('code-httpx2')).toContainText('socket_options=_tcp_keepalive(60)');
  });

  test('should show no path rows or verdict without a middlebox', async ({ page }) => {
    const scenario = behindNat();
    await page.goto(shareUrl('/', { scenario: { ...scenario, network: { ...scenario.network, middleboxes: [] } }, view: { snippetTab: 'httpx2' } }));
    await expect(page.getByTestId('monitor-reuse')).toBeVisible();
    await expect(page.getByTestId('monitor-path')).toHaveCount(0);
    await expect(page.getByTestId('compare-yours-reuseRate')).toBeVisible();
    await expect(page.getByTestId('compare-yours-failedShare')).toHaveCount(0);
  });
});
