import type { TestKit } from '../../testKit.ts';

export { aiohttpDriver } from './drivers.ts';

export const AIOHTTP_TEST_KIT: TestKit = {
  pythonRequirements: ['aiohttp==3.14.*', 'openai[aiohttp]==3.22.1', 'anthropic[aiohttp]==1.13.0'],
  // The raw client only: the SDKs and LiteLLM put the same TCPConnector under more Python per request.
  calibration: { driver: 'src/core/clients/pythonCalibrate.py', runtimes: { aiohttp: 'python-venv' }, h1Only: true },
};
