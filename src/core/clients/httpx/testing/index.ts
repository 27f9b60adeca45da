import type { TestKit } from '../../testKit.ts';

export { pythonAsyncDriver, pythonSdkDriver, pythonSyncDriver } from './drivers.ts';

export const HTTPX_TEST_KIT: TestKit = {
  pythonRequirements: ['httpx==0.28.1', 'httpx2==2.13.1', 'h2==4.4.1', 'openai==3.22.1', 'anthropic==1.13.0'],
  calibration: { driver: 'src/core/clients/pythonCalibrate.py', runtimes: { httpx: 'python-venv', httpx2: 'python-venv' } },
};
