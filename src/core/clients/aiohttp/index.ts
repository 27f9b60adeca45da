/** aiohttp's pool (TCPConnector): raw ClientSession, the SDKs' DefaultAioHttpClient and LiteLLM's transport. */
import type { ClientFamily } from '../types.ts';
import { AIOHTTP_CLIENTS } from './facts.ts';
import { AiohttpPolicy, type AiohttpRules } from './policy.ts';
import { aiohttpSnippet } from './snippets/aiohttp.ts';
import { litellmSnippet } from './snippets/litellm.ts';
import { anthropicPyAiohttpSnippet, openaiPyAiohttpSnippet } from './snippets/sdkAiohttp.ts';

export const AIOHTTP_FAMILY: ClientFamily<AiohttpRules, typeof AIOHTTP_CLIENTS, 'aiohttp'> = {
  id: 'aiohttp',
  clients: AIOHTTP_CLIENTS,
  policies: { aiohttp: (core) => new AiohttpPolicy(core) },
  generators: {
    aiohttp: aiohttpSnippet,
    'openai-py-aiohttp': openaiPyAiohttpSnippet,
    'anthropic-py-aiohttp': anthropicPyAiohttpSnippet,
    litellm: litellmSnippet,
  },
};
