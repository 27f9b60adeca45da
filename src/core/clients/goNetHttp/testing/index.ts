import type { TestKit } from '../../testKit.ts';

export { goDriver, GO_MODULE } from './drivers.ts';

/** Go's standard library only: Debian's golang-go (1.19) from .ci/run, no module download. */
export const GO_NETHTTP_TEST_KIT: TestKit = {};
