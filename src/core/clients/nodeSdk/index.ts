/** The OpenAI and Anthropic Node SDKs: their pool is Node's fetch, so undici's rules (../undici) apply. */
import type { ClientFamily } from '../types.ts';
import { NODE_SDK_CLIENTS } from './facts.ts';
import { anthropicTsSnippet, openaiTsSnippet } from './snippets/sdkTypescript.ts';

export const NODE_SDK_FAMILY: ClientFamily<never, typeof NODE_SDK_CLIENTS, 'node-sdk'> = {
  id: 'node-sdk',
  clients: NODE_SDK_CLIENTS,
  policies: {},
  generators: { 'openai-ts': openaiTsSnippet, 'anthropic-ts': anthropicTsSnippet },
};
