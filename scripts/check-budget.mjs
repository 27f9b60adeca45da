#!/usr/bin/env node
/**
 * Fails when the JavaScript a visitor downloads before the page can run exceeds the budget.
 * Reads the built dist/index.html, takes its same-origin <script src> and <link rel="modulepreload">
 * files, follows their static imports (which the browser fetches before running them; dynamic
 * import() chunks load later and are not counted), gzips each file and sums.
 * Usage: node scripts/check-budget.mjs [distDir] (after `vite build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 200 * 1000;
const dist = process.argv[2] ?? 'dist';
const indexPath = join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`check-budget: ${indexPath} is missing; run \`vite build\` first.`);
  process.exit(1);
}
const html = readFileSync(indexPath, 'utf8');

const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
const entries = [];
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attr(tag, 'src');
  if (src) entries.push(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  if (/\brel\s*=\s*["']modulepreload["']/i.test(tag)) entries.push(attr(tag, 'href'));
}

const seen = new Map();
const queue = entries.filter((url) => url && !/^[a-z]+:\/\//i.test(url) && !url.startsWith('//')).map((url) => posix.normalize(url.replace(/^\//, '')));
while (queue.length) {
  const file = queue.shift();
  if (seen.has(file)) continue;
  const code = readFileSync(join(dist, file));
  seen.set(file, gzipSync(code, { level: 9 }).length);
  // Static imports only: `import"./x.js"` and `from"./x.js"`, not `import("./x.js")`.
  for (const [, spec] of code.toString('utf8').matchAll(/(?:\bimport|\bfrom)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    queue.push(posix.normalize(posix.join(dirname(file), spec)));
  }
}

const total = [...seen.values()].reduce((sum, n) => sum + n, 0);
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
for (const [file, size] of seen) console.log(`  ${kb(size).padStart(9)}  ${file}`);
console.log(`Initial JavaScript: ${kb(total)} gzip of a ${kb(BUDGET_BYTES)} budget (${seen.size} files).`);
if (seen.size === 0) {
  console.error('check-budget: no script found in index.html; the check would prove nothing.');
  process.exit(1);
}
if (total > BUDGET_BYTES) {
  console.error(`check-budget: over budget by ${kb(total - BUDGET_BYTES)}.`);
  process.exit(1);
}
