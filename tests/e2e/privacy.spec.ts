import { expect, test } from '@playwright/test';
import { fullyLoaded, openAllDetails } from './quality-helpers.ts';

test.describe('privacy and safety', () => {
  test('should request nothing from any other origin and break no CSP rule', async ({ page, baseURL }) => {
    const own = new URL(baseURL!).origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== own) foreign.push(request.url());
    });
    const cspErrors: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) cspErrors.push(msg.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to ${e.violatedDirective}: ${e.blockedURI}`));
    });
    await page.goto('/');
    await fullyLoaded(page);
    await openAllDetails(page);
    const tabs = page.getByRole('tablist', { name: 'Library' }).getByRole('tab');
    for (let i = 0; i < (await tabs.count()); i++) await tabs.nth(i).click();
    await page.getByRole('group', { name: 'Presets' }).getByRole('button').last().click();
    await fullyLoaded(page);
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(cspErrors, 'Content-Security-Policy violations').toEqual([]);
    // No field asks for an API key: the only one named after it takes the environment variable's
    // name, which the snippets read the key from.
    await expect(page.locator('input[type="password"]')).toHaveCount(0);
    const keyFields = await page.getByLabel(/api[ _-]?key|secret/i).evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).labels?.[0]?.textContent ?? ''));
    for (const label of keyFields) expect(label).toMatch(/variable|environment/i);
  });

  test('should serve a strict Content-Security-Policy with no inline script and no remote origin', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const meta = html.match(/<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>/i)?.[0];
    expect(meta, 'CSP meta tag in the built index.html').toBeTruthy();
    const policy = (meta!.match(/content=["']([^"']+)["']/i)?.[1] ?? '').replaceAll('&#39;', "'");
    const directives = new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    for (const [name, values] of directives) {
      for (const value of values) expect(value, `${name} allows a remote origin`).not.toMatch(/^(https?:|wss?:|\*)/);
    }
    // Every script is a file from this origin: no inline code, no CDN.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body!.trim(), 'inline script').toBe('');
      expect(attrs).toMatch(/src=["']\/[^/]/);
    }
    expect(html).not.toMatch(/<link[^>]+href=["'](https?:)?\/\//i);
  });
});
