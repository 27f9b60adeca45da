/** Go's net/http pool (http.Transport): raw net/http and the openai-go and anthropic-sdk-go SDKs on it. */
import type { ClientFamily } from '../types.ts';
import { GO_NETHTTP_CLIENTS } from './facts.ts';
import { GoNetHttpPolicy, type GoNetHttpRules } from './policy.ts';
import { goNetHttpSnippet } from './snippets/goNetHttp.ts';

export const GO_NETHTTP_FAMILY: ClientFamily<GoNetHttpRules, typeof GO_NETHTTP_CLIENTS, 'go-nethttp'> = {
  id: 'go-nethttp',
  clients: GO_NETHTTP_CLIENTS,
  policies: { 'go-nethttp': (core) => new GoNetHttpPolicy(core) },
  generators: { 'go-nethttp': goNetHttpSnippet },
};
