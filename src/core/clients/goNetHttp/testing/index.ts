import type { TestKit } from '../../testKit.ts';

export { goDriver, GO_MODULE } from './drivers.ts';

/**
 * Go's standard library only: Debian's golang-go (1.19) from .ci/run, no module download. The raw
 * net/http client is calibrated: openai-go and anthropic-sdk-go send through the same Transport (and
 * cannot be downloaded here). HTTP/2 by ALPN where the lab serves it.
 */
export const GO_NETHTTP_TEST_KIT: TestKit = {
  calibration: { driver: 'src/core/clients/goNetHttp/testing/calibrate.go', runtimes: { 'go-nethttp': 'go' } },
};
