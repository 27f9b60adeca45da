/**
 * Each family's test kit, keyed on the registry's family ids so a family without one does not
 * compile. Imported by tests only (the page never loads drivers).
 */
import { AIOHTTP_TEST_KIT } from './aiohttp/testing/index.ts';
import { GO_NETHTTP_TEST_KIT } from './goNetHttp/testing/index.ts';
import { HTTPX_TEST_KIT } from './httpx/testing/index.ts';
import { NODE_SDK_TEST_KIT } from './nodeSdk/testing/index.ts';
import { OKHTTP_TEST_KIT } from './okhttp/testing/index.ts';
import type { FamilyId } from './registry.ts';
import type { TestKit } from './testKit.ts';
import { UNDICI_TEST_KIT } from './undici/testing/index.ts';

export const TEST_KITS: Record<FamilyId, TestKit> = {
  generic: {},
  undici: UNDICI_TEST_KIT,
  httpx: HTTPX_TEST_KIT,
  'node-sdk': NODE_SDK_TEST_KIT,
  aiohttp: AIOHTTP_TEST_KIT,
  'go-nethttp': GO_NETHTTP_TEST_KIT,
  okhttp: OKHTTP_TEST_KIT,
};
