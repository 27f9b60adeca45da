/** OkHttp's pool (Dispatcher + ConnectionPool): raw OkHttp and the OpenAI and Anthropic Java SDKs on it. */
import type { ClientFamily } from '../types.ts';
import { OKHTTP_CLIENTS } from './facts.ts';
import { OkHttpPolicy, type OkHttpRules } from './policy.ts';
import { okhttpSnippet } from './snippets/okhttp.ts';

export const OKHTTP_FAMILY: ClientFamily<OkHttpRules, typeof OKHTTP_CLIENTS, 'okhttp'> = {
  id: 'okhttp',
  clients: OKHTTP_CLIENTS,
  policies: { okhttp: (core) => new OkHttpPolicy(core) },
  generators: { okhttp: okhttpSnippet },
};
