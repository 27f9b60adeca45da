/**
 * Regenerates docs/screenshot.png for the README from the built app:
 *   npm run build && npx tsx scripts/screenshot.ts
 * Uses Debian's chromium when present, like the end-to-end tests.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'vite';
import { chromium } from '@playwright/test';

const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
const server = await createServer({ server: { port: 4399, strictPort: true, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  await page.goto('http://127.0.0.1:4399/');
  await page.getByTestId('result-maxConnections').waitFor();
  // Let the simulation and charts settle when they are present.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(2500);
  await page.screenshot({ path: 'docs/screenshot.png', fullPage: false });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  await server.close();
}
