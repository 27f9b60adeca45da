/** The drivers live with their client families (src/core/clients/<family>/testing/). */
export type { DriverConfig } from '../../../src/core/clients/testKit.ts';
export { nodeDriver } from '../../../src/core/clients/undici/testing/index.ts';
export { pythonAsyncDriver, pythonSdkDriver, pythonSyncDriver } from '../../../src/core/clients/httpx/testing/index.ts';
export { nodeSdkDriver } from '../../../src/core/clients/nodeSdk/testing/index.ts';
