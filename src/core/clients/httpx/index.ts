/** httpx 0.28, httpx2 and the Python SDKs on httpx2: httpcore's pool rules, 1.x and 2. */
import type { ClientFamily } from '../types.ts';
import { HTTPX_CLIENTS } from './facts.ts';
import { HttpcorePolicy, type HttpcoreRules } from './policy.ts';
import { httpxSnippet, httpxSyncSnippet } from './snippets/httpx.ts';
import { httpx2Snippet, httpx2SyncSnippet } from './snippets/httpx2.ts';
import { monitorHttpx2Snippet, monitorHttpxSnippet } from './snippets/monitorHttpx.ts';
import { anthropicPySnippet, openaiPySnippet } from './snippets/sdkPython.ts';

export const HTTPX_FAMILY: ClientFamily<HttpcoreRules, typeof HTTPX_CLIENTS, 'httpx'> = {
  id: 'httpx',
  clients: HTTPX_CLIENTS,
  policies: {
    httpcore1: (core) => new HttpcorePolicy(core, 'httpcore1'),
    httpcore2: (core) => new HttpcorePolicy(core, 'httpcore2'),
  },
  generators: {
    httpx: httpxSnippet,
    'httpx-sync': httpxSyncSnippet,
    'monitor-httpx': monitorHttpxSnippet,
    httpx2: httpx2Snippet,
    'httpx2-sync': httpx2SyncSnippet,
    'monitor-httpx2': monitorHttpx2Snippet,
    'openai-py': openaiPySnippet,
    'anthropic-py': anthropicPySnippet,
  },
};
