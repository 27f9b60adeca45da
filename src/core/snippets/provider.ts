/**
 * The API's request shape by `endpoint.provider`: which headers carry the key, which path the demo
 * request goes to, and the base URL each kind of snippet needs. Plain data; the generators render
 * it through jsString / pyString.
 */
import type { Endpoint, Provider } from '../scenario/schema.ts';

export interface ProviderShape {
  id: Provider;
  label: string;
  /** Base URL as given, without a trailing slash (raw HTTP snippets append `path`). */
  baseUrl: string;
  /** The demo request's path relative to `baseUrl`: `/v1/messages`, or `/messages` when the base already ends in /v1. */
  path: string;
  /** Base URL for this provider's official SDKs: OpenAI's append /chat/completions to a base ending in /v1, Anthropic's add /v1 themselves. */
  sdkBaseUrl: string;
  /** Where the key goes: `x-api-key: KEY` (Anthropic) or `authorization: Bearer KEY` (OpenAI). */
  keyHeader: 'x-api-key' | 'authorization';
  keyPrefix: '' | 'Bearer ';
  /** Fixed headers besides the key and content type. */
  extraHeaders: [string, string][];
  /** The demo request body, in the API's own shape. */
  demoBody: Record<string, string | number | { role: string; content: string }[]>;
}

const ANTHROPIC_VERSION = '2023-06-01';

export function providerShape(endpoint: Endpoint): ProviderShape {
  const baseUrl = endpoint.baseUrl.replace(/\/+$/, '');
  const hasV1 = /\/v1$/.test(baseUrl);
  const messages = [{ role: 'user', content: 'Say hi' }];
  if (endpoint.provider === 'openai') {
    return {
      id: 'openai',
      label: 'OpenAI',
      baseUrl,
      path: hasV1 ? '/chat/completions' : '/v1/chat/completions',
      sdkBaseUrl: hasV1 ? baseUrl : `${baseUrl}/v1`,
      keyHeader: 'authorization',
      keyPrefix: 'Bearer ',
      extraHeaders: [],
      demoBody: { model: 'gpt-4o-mini', messages },
    };
  }
  return {
    id: 'anthropic',
    label: 'Anthropic',
    baseUrl,
    path: hasV1 ? '/messages' : '/v1/messages',
    // The Anthropic SDK requests `${baseURL}/v1/messages`, so a base ending in /v1 loses it there.
    sdkBaseUrl: hasV1 ? baseUrl.slice(0, -3) : baseUrl,
    keyHeader: 'x-api-key',
    keyPrefix: '',
    extraHeaders: [['anthropic-version', ANTHROPIC_VERSION]],
    demoBody: { model: 'claude-sonnet-4-6', max_tokens: 64, messages },
  };
}
