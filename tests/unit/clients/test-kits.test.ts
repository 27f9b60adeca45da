/** Each family's test kit points at what exists: its Python requirements pinned in the venv's file, its calibration driver on disk. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../src/core/clients/registry.ts';
import { TEST_KITS } from '../../../src/core/clients/testKits.ts';
import { ROOT } from '../snippets/harness.ts';

describe('client family test kits', () => {
  const requirements = readFileSync(join(ROOT, 'tests/fixtures/python/requirements.txt'), 'utf8').split('\n');
  const fixture = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/undici8/package.json'), 'utf8')) as { dependencies: Record<string, string> };

  it.each(FAMILIES.map((f) => f.id))('should find the %s family’s install lines and calibration driver', (id) => {
    const kit = TEST_KITS[id];
    for (const line of kit.pythonRequirements ?? []) expect(requirements).toContain(line);
    for (const pkg of kit.npmPackages ?? []) expect(Object.keys(fixture.dependencies)).toContain(pkg);
    if (kit.calibration) expect(existsSync(join(ROOT, kit.calibration.driver))).toBe(true);
  });
});
