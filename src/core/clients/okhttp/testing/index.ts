import type { TestKit } from '../../testKit.ts';

export { javaDriver, OKHTTP_CLASSPATH } from './drivers.ts';

/** Debian's default-jdk-headless, libokhttp-java (3.13.1) and libokio-java from .ci/run; Maven is not reachable. */
export const OKHTTP_TEST_KIT: TestKit = {};
