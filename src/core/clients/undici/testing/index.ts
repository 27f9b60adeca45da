import type { TestKit } from '../../testKit.ts';

export { nodeDriver } from './drivers.ts';

export const UNDICI_TEST_KIT: TestKit = {
  // undici 7 runs from the project's own node_modules on Node 20.
  npmPackages: ['undici', 'node'],
  calibration: { driver: 'src/core/clients/undici/testing/calibrate.mjs', runtimes: { undici: 'node22', undici7: 'node' } },
};
