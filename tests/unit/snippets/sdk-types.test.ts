/**
 * The Node SDK snippets are TypeScript users paste into strict projects: they must type-check
 * against the installed openai, @anthropic-ai/sdk and undici 8 (tests/fixtures/undici8), for every
 * preset, tenant factories included, and for both providers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSnippetInput, findSnippetTarget, PRESETS } from '../../../src/core/index.ts';
import { ensureUndici8, FIXTURE_UNDICI8, tempDir, tscTypeErrors } from './harness.ts';

beforeAll(() => ensureUndici8(), 600_000);

describe('Node SDK snippets', () => {
  it('should type-check strictly against the installed SDKs and undici 8', () => {
    const dir = tempDir(join(FIXTURE_UNDICI8, 'runs'));
    const files: string[] = [];
    for (const preset of PRESETS) {
      for (const provider of ['anthropic', 'openai'] as const) {
        const input = buildSnippetInput({ ...preset.scenario, endpoint: { ...preset.scenario.endpoint, provider } });
        for (const id of ['openai-ts', 'anthropic-ts']) {
          const file = join(dir, `${preset.id}-${provider}-${id}.ts`);
          writeFileSync(file, findSnippetTarget(id)!.generate(input));
          files.push(file);
        }
      }
    }
    expect(tscTypeErrors(files)).toBe('');
  }, 120_000);
});
