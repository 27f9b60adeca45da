import type { TestKit } from '../../testKit.ts';

export { nodeSdkDriver } from './drivers.ts';

export const NODE_SDK_TEST_KIT: TestKit = { npmPackages: ['openai', '@anthropic-ai/sdk'] };
