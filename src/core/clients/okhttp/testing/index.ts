import type { TestKit } from '../../testKit.ts';

export { javaDriver, OKHTTP_CLASSPATH } from './drivers.ts';

/**
 * Debian's default-jdk-headless, libokhttp-java (3.13.1) and libokio-java from .ci/run; Maven is not
 * reachable. Raw OkHttp is calibrated (the Java SDKs build their own OkHttpClient and cannot be
 * downloaded here); HTTP/2 by ALPN (JDK 9+) where the lab serves it.
 */
export const OKHTTP_TEST_KIT: TestKit = {
  calibration: { driver: 'src/core/clients/okhttp/testing/Calibrate.java', runtimes: { okhttp: 'java' } },
};
